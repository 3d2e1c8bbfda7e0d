using System.Linq.Expressions;
using Warehouse.Catalogue;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// The expressions and checks that enforce <see cref="MinorRule"/>: who is an adult (by birth date, today), and
/// whether a reader must not see a minor's row or must not tell minors apart through a field.
/// </summary>
public static class MinorRecords
{
    /// <summary>
    /// x.BirthDate &lt;= cutoff: the row is not a minor's. On records about a person the birth date is null when the
    /// record is about no one (a household's measure), which is not a minor's record either.
    /// </summary>
    public static Expression Adult(EntityDef entity, Expression row, AccessContext access)
    {
        var birth = Expression.Property(row, entity.Minors!.BirthDate);
        var adult = Expression.LessThanOrEqual(birth, Exprs.Value(access.MinorCutoff(entity), birth.Type));
        return Nullable.GetUnderlyingType(birth.Type) is null
            ? adult
            : Expression.OrElse(Expression.Equal(birth, Expression.Constant(null, birth.Type)), adult);
    }

    /// <summary>The reader reads no minors' rows of this entity (aggregate-only).</summary>
    public static bool RowsHidden(EntityDef entity, AccessContext access) =>
        entity.Minors is not null && access.MinorGrant(entity).Access == Access.Hidden;

    /// <summary>The reader reads minors' rows with this field masked, and may not tell minors apart by it.</summary>
    public static bool Shadows(FieldDef field, AccessContext access) =>
        field.Entity.Minors is not null && MinorRule.Covers(field) && access.MinorGrant(field.Entity).Access == Access.Masked;

    /// <summary>Whether a loaded row is a minor's.</summary>
    public static bool IsMinor(EntityDef entity, object row, AccessContext access) =>
        IsMinorBirth(PropertyAccessors.Getter(entity.Minors!.BirthDate)(row), access.MinorCutoff(entity));

    /// <summary>Whether a stored birth date (of a plain row) is a minor's, given the reader's <see cref="AccessContext.MinorCutoff"/>.</summary>
    public static bool IsMinorBirth(object? birth, DateOnly cutoff) => birth is DateOnly date && date > cutoff;
}
