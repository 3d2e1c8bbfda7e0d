namespace Warehouse.Catalogue;

/// <summary>What a role may read of a field.</summary>
public enum Access
{
    /// <summary>The value as stored.</summary>
    Full,
    /// <summary>Only the masked or coarsened value; the field cannot be filtered, sorted, grouped or paged by.</summary>
    Masked,
    /// <summary>The field does not exist for the role.</summary>
    Hidden,
}
