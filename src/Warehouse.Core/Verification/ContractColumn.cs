using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>
/// One column an API view must have: a catalogue field, or a column the security rules read without exposing it
/// (the record key of cell-key perturbation, the subject's birth date of the minors rule).
/// </summary>
/// <param name="Name">Column name in the view.</param>
/// <param name="ValueType">The CLR type the API reads it as (string, int, long, bool, DateOnly, DateTime), never nullable.</param>
/// <param name="Nullable">Whether NULL is a value the API can read.</param>
/// <param name="Field">The catalogue field, or null for the hidden columns.</param>
/// <param name="Purpose">What the column is, for reports and the contract table.</param>
internal sealed record ContractColumn(string Name, Type ValueType, bool Nullable, FieldDef? Field, string Purpose)
{
    /// <summary>Money: integer fen.</summary>
    public bool IsMoney => Field?.Kind == FieldKind.Money;

    public bool IsDate => ValueType == typeof(DateOnly) || ValueType == typeof(DateTime);
}
