namespace Warehouse.Catalogue;

/// <summary>Data class from the data dictionary: drives the default permissions and audit.</summary>
public enum Sensitivity
{
    /// <summary>PUB: already published (regions, projects, funds).</summary>
    Public,
    /// <summary>INT: internal working data.</summary>
    Internal,
    /// <summary>PER: personal information (PIPL).</summary>
    Personal,
    /// <summary>SPI: sensitive personal information (PIPL Art. 28: health, accounts, identity numbers, minors).</summary>
    Sensitive,
}
