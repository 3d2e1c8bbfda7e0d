using System.Collections;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Warehouse.Graph.Validation;

/// <summary>What a check decided about one named field of an input object.</summary>
internal enum InputFieldVerdict
{
    /// <summary>Nothing to report here; look inside its value (when the input type has the field).</summary>
    Descend,

    /// <summary>The check reported an error at this field; its value is not looked into.</summary>
    Reported,

    /// <summary>Not the check's business (e.g. a name the input lacks that another rule answers); move on.</summary>
    Skip,
}

/// <summary>
/// The walk every field-permission rule needs: an argument literal or a variable's raw value against its input type,
/// through lists and nested input objects, asking a check about each named field. FIELD_HIDDEN and FIELD_MASKED differ
/// only in that check, so the walk is written once.
/// </summary>
internal static class InputFieldWalk
{
    /// <summary>Walks a literal; true when the check reported anything.</summary>
    /// <param name="type">The literal's input type.</param>
    /// <param name="value">The literal.</param>
    /// <param name="check">Called with the input type, the field's name, the field if the type has it, and its node.</param>
    public static bool Literal(IGraphType? type, GraphQLValue value, Func<IInputObjectGraphType, string, FieldType?, ASTNode, InputFieldVerdict> check)
    {
        type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
        if (type is ListGraphType list)
        {
            return value is GraphQLListValue items
                ? (items.Values ?? []).Aggregate(false, (found, item) => Literal(list.ResolvedType, item, check) | found)
                : Literal(list.ResolvedType, value, check);
        }
        if (type is not IInputObjectGraphType input || value is not GraphQLObjectValue literal)
        {
            return false;
        }
        var reported = false;
        foreach (var field in literal.Fields ?? [])
        {
            var known = input.GetField(field.Name.StringValue);
            switch (check(input, field.Name.StringValue, known, field))
            {
                case InputFieldVerdict.Reported:
                    reported = true;
                    break;
                case InputFieldVerdict.Descend when known is not null:
                    reported |= Literal(known.ResolvedType, field.Value, check);
                    break;
            }
        }
        return reported;
    }

    /// <summary>Walks a variable's raw value (before GraphQL.NET coerces it); errors are located at <paramref name="node"/>.</summary>
    public static void Value(IGraphType? type, object? value, ASTNode node, Func<IInputObjectGraphType, string, FieldType?, ASTNode, InputFieldVerdict> check)
    {
        type = type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;
        if (type is ListGraphType list)
        {
            foreach (var item in value is IEnumerable items and not string and not IDictionary ? items.Cast<object?>() : [value])
            {
                Value(list.ResolvedType, item, node, check);
            }
            return;
        }
        if (type is not IInputObjectGraphType input || value is not IDictionary<string, object?> fields)
        {
            return;
        }
        foreach (var (name, inner) in fields)
        {
            var known = input.GetField(name);
            if (check(input, name, known, node) == InputFieldVerdict.Descend && known is not null)
            {
                Value(known.ResolvedType, inner, node, check);
            }
        }
    }
}
