namespace Warehouse.Catalogue;

/// <summary>How a value is masked or coarsened for roles that may only read it masked.</summary>
public enum MaskKind
{
    /// <summary>No sensible mask: the field can be FULL or HIDDEN, never MASKED.</summary>
    None,
    /// <summary>Personal name: surname kept, one * per other character (张*, 欧阳**).</summary>
    PersonName,
    /// <summary>
    /// ID number: only the first 3 characters kept (130***************). The last 4 (sequence, whose last digit is
    /// the gender, and check character) would give the number back together with the birth date.
    /// </summary>
    IdNumber,
    /// <summary>Phone: first 3 and last 4 kept (138****5678).</summary>
    Phone,
    /// <summary>Bank account: last 4 kept (****1234).</summary>
    BankAccount,
    /// <summary>Date coarsened to its year ("1979").</summary>
    DateToYear,
    /// <summary>Address coarsened to the village group (三组17号 → 三组).</summary>
    Address,
    /// <summary>Coordinates coarsened to 0.1° (about village scale).</summary>
    GeoPoint,
    /// <summary>A category/grade pair coarsened to the category (肢体三级 → 肢体).</summary>
    Category,
    /// <summary>Masked only when the payee is a person (payeeType 农户); organisations stay readable.</summary>
    PersonPayeeName,
    /// <summary>Account masked to its last 4 digits only when the payee is a person.</summary>
    PersonPayeeAccount,
}
