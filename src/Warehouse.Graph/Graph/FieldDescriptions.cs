using Warehouse.Catalogue;

namespace Warehouse.Graph;

/// <summary>
/// Field descriptions in the schema: the Chinese term, its meaning, and what the reader's role may do with it,
/// so the authorization rule is visible where the field is defined.
/// </summary>
internal static class FieldDescriptions
{
    public static string For(FieldDef field, Grant grant)
    {
        var access = grant.Access switch
        {
            Access.Masked => grant.Revealable
                ? " Access: MASKED for your role; pass reveal: \"reason\" for the full value (recorded in the audit trail). Cannot be filtered or sorted by."
                : " Access: MASKED for your role. Cannot be filtered or sorted by.",
            _ => "",
        };
        var sensitivity = field.Sensitivity switch
        {
            Sensitivity.Sensitive => " Sensitive personal information (PIPL Art. 28).",
            Sensitivity.Personal => " Personal information.",
            _ => "",
        };
        return $"{field.Label}: {field.Description}{sensitivity}{access}";
    }
}
