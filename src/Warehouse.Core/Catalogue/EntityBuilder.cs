using System.Linq.Expressions;
using System.Reflection;
using System.Text;

namespace Warehouse.Catalogue;

/// <summary>Fluent declaration of one catalogue entity. One builder call per field keeps an entity on one screen.</summary>
internal sealed class EntityBuilder<T> where T : class, new()
{
    private readonly EntityDef<T> _entity;

    public EntityBuilder(string typeName, string listField, string lookupField, string view, string label,
        string description, RowScope scope, bool exposed = true)
    {
        _entity = new EntityDef<T>(typeName, listField, lookupField, view, label, description, scope, exposed);
    }

    /// <summary>Declares the key field (always filterable and sortable; the keyset tiebreaker).</summary>
    public EntityBuilder<T> Key(Expression<Func<T, string>> property, string name, string label, string description,
        string? column = null, Sensitivity sensitivity = Sensitivity.Internal)
    {
        // The key of a row about a household or person points at it; keys of published things do not.
        Field(property, name, label, description, column: column, sensitivity: sensitivity, caps: FieldCaps.All,
            identity: _entity.Scope == RowScope.Region ? Identity.Identifying : Identity.None);
        _entity.Key = _entity.Field(name)!;
        return this;
    }

    public EntityBuilder<T> Field<TValue>(Expression<Func<T, TValue>> property, string name, string label,
        string description, FieldKind? kind = null, Sensitivity sensitivity = Sensitivity.Public,
        MaskKind mask = MaskKind.None, FieldCaps caps = FieldCaps.FilterSort, DefaultGrants? grants = null,
        string? column = null, Identity? identity = null, params string[] dependsOn)
    {
        var prop = PropertyOf(property);
        var resolvedKind = kind ?? InferKind(typeof(TValue), prop);
        var defaults = grants ?? DefaultGrants.AllFull;
        foreach (var g in new[] { defaults.County, defaults.Township, defaults.Village })
        {
            if (g.Access == Access.Masked && mask == MaskKind.None)
            {
                throw new InvalidOperationException($"{_entity.TypeName}.{name} defaults to MASKED but has no mask kind.");
            }
        }
        _entity.Add(new FieldDef(_entity, prop, name, column ?? SnakeCase(prop.Name), label, description,
            resolvedKind, sensitivity, mask, caps, defaults, dependsOn, identity ?? DefaultIdentity(mask, sensitivity)));
        return this;
    }

    /// <summary>
    /// Masked identifiers (names, ID numbers, phones, accounts, exact dates of birth, addresses, locations) identify;
    /// other personal fields are quasi-identifying. References to persons are marked where they are declared.
    /// </summary>
    private static Identity DefaultIdentity(MaskKind mask, Sensitivity sensitivity) => mask switch
    {
        MaskKind.PersonName or MaskKind.IdNumber or MaskKind.Phone or MaskKind.BankAccount or MaskKind.DateToYear
            or MaskKind.Address or MaskKind.GeoPoint or MaskKind.PersonPayeeName or MaskKind.PersonPayeeAccount => Identity.Identifying,
        _ => sensitivity >= Sensitivity.Personal ? Identity.QuasiIdentifying : Identity.None,
    };

    /// <summary>
    /// Declares the region codes the row carries (countyCode, townshipCode and, where the row has one, villageCode):
    /// the columns row scope filters on, groupable for dashboards.
    /// </summary>
    /// <param name="of">Whose region it is, for the descriptions (e.g. "the household").</param>
    /// <param name="sensitivity">Data class of the codes on this entity.</param>
    public EntityBuilder<T> RegionCodes(string of, Sensitivity sensitivity = Sensitivity.Public)
    {
        foreach (var (property, name, label, level) in new[]
                 {
                     ("CountyCode", "countyCode", "所属县", "county"),
                     ("TownshipCode", "townshipCode", "所属乡镇", "township"),
                     ("VillageCode", "villageCode", "所属村", "village"),
                 })
        {
            if (typeof(T).GetProperty(property) is not { } prop)
            {
                continue;
            }
            var x = Expression.Parameter(typeof(T), "x");
            Field(Expression.Lambda<Func<T, string?>>(Expression.Property(x, prop), x), name, label,
                $"12-digit code of the {level} of {of}.", sensitivity: sensitivity, caps: FieldCaps.All);
            _entity.Field(name)!.IsRegionCode = true;
        }
        return this;
    }

    /// <summary>
    /// Declares <c>updatedAt</c> (view column <c>updated_at</c>): when the row was last written, in UTC, set by loads
    /// and the generator (db/*/0009_updated_at.sql). Public and read in full by every role, filterable and sortable,
    /// so a BI tool can refresh incrementally with <c>where: {updatedAt: {gte: …}}</c>; never a grouping key.
    /// </summary>
    public EntityBuilder<T> UpdatedAt(Expression<Func<T, DateTime>> property) =>
        Field(property, "updatedAt", "更新时间",
            "When this row was last written (inserted or changed), in UTC, to the millisecond. Filter with gte/lt for incremental refresh; deleted " +
                "rows do not appear (see docs/bi-feeds.md).",
            kind: FieldKind.Timestamp, caps: FieldCaps.FilterSort, identity: Identity.None);

    /// <summary>Protects records of persons under <paramref name="ageYears"/> (see <see cref="MinorRule"/>).</summary>
    public EntityBuilder<T> MinorRecords(Expression<Func<T, DateOnly>> birthDate, int ageYears, DefaultGrants grants)
    {
        _entity.Minors = new MinorRule(PropertyOf(birthDate), ageYears, grants, column: null);
        return this;
    }

    /// <summary>
    /// Records about one person (an assistance measure, a job, a post) follow that person's <see cref="MinorRule"/>:
    /// the view carries the person's birth date in <paramref name="column"/> (null when the record is about no
    /// person), which is read for the rule only and never exposed as a field.
    /// </summary>
    public EntityBuilder<T> AboutPerson(Expression<Func<T, DateOnly?>> subjectBirthDate, string column, int ageYears, DefaultGrants grants)
    {
        _entity.Minors = new MinorRule(PropertyOf(subjectBirthDate), ageYears, grants, column);
        return this;
    }

    /// <summary>
    /// The row's fixed random record key (view column <c>record_key</c>), never exposed: cell-key perturbation of
    /// protected aggregates derives each cell's noise from its records' keys (docs/security.md).
    /// </summary>
    public EntityBuilder<T> RecordKey(Expression<Func<T, long>> recordKey)
    {
        _entity.RecordKey = PropertyOf(recordKey);
        return this;
    }

    /// <summary>A one-to-many relation: target rows whose <paramref name="childKey"/> equals this row's <paramref name="parentKey"/>.</summary>
    public EntityBuilder<T> HasMany(string name, string label, string description, string targetType,
        string parentKey, string childKey, LinkDef? via = null)
    {
        _entity.Add(new RelationDef(_entity, name, label, description, targetType, true, parentKey, childKey, via));
        return this;
    }

    /// <summary>A reference to one target row whose <paramref name="childKey"/> equals this row's <paramref name="parentKey"/>.</summary>
    public EntityBuilder<T> HasOne(string name, string label, string description, string targetType,
        string parentKey, string childKey)
    {
        _entity.Add(new RelationDef(_entity, name, label, description, targetType, false, parentKey, childKey, null));
        return this;
    }

    /// <summary>
    /// A filter-only condition relative to the request's as-of date over stored date field(s) of this entity
    /// (declared before); see <see cref="AsOfDef"/>. <paramref name="end"/> is for <see cref="AsOfKind.InForce"/>.
    /// </summary>
    public EntityBuilder<T> AsOf(string name, string label, string description, AsOfKind kind, string start, string? end = null, bool monthlyEnd = false)
    {
        var startField = _entity.Field(start) ?? throw new InvalidOperationException($"{_entity.TypeName}.{name}: no field {start}.");
        var endField = end is null ? null : _entity.Field(end) ?? throw new InvalidOperationException($"{_entity.TypeName}.{name}: no field {end}.");
        if ((kind == AsOfKind.InForce) != (endField is not null))
        {
            throw new InvalidOperationException($"{_entity.TypeName}.{name}: an end field goes with InForce, and only there.");
        }
        var yearNumber = startField.Kind == FieldKind.Int;
        if (startField.Kind != FieldKind.Date && !(yearNumber && kind == AsOfKind.YearToDate))
        {
            throw new InvalidOperationException($"{_entity.TypeName}.{name}: {start} must be a date (or a year number for YearToDate).");
        }
        _entity.Add(new AsOfDef(_entity, name, label, description, kind, startField, endField, monthlyEnd));
        return this;
    }

    /// <summary>
    /// The entity's named measures (see <see cref="Aggregation.NamedMeasure"/>): built on first use by the aggregate
    /// catalogue, so they may refer to other entities of the catalogue.
    /// </summary>
    public EntityBuilder<T> Measures(Func<EntityDef, IEnumerable<Aggregation.MeasureDef>> named)
    {
        _entity.NamedMeasures = named;
        return this;
    }

    public EntityDef<T> Build()
    {
        if (_entity.Key is null)
        {
            throw new InvalidOperationException($"{_entity.TypeName} has no key.");
        }
        return _entity;
    }

    private static PropertyInfo PropertyOf<TValue>(Expression<Func<T, TValue>> expression) =>
        (expression.Body is UnaryExpression u ? u.Operand : expression.Body) is MemberExpression { Member: PropertyInfo p }
            ? p
            : throw new ArgumentException("Expected a property access.", nameof(expression));

    private static FieldKind InferKind(Type type, PropertyInfo prop)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) return FieldKind.String;
        if (t == typeof(int)) return FieldKind.Int;
        if (t == typeof(long)) return FieldKind.Money;
        if (t == typeof(DateOnly)) return FieldKind.Date;
        if (t == typeof(bool)) return FieldKind.Boolean;
        if (t == typeof(DateTime)) return FieldKind.Timestamp;
        throw new InvalidOperationException($"No field kind for {prop.DeclaringType?.Name}.{prop.Name} of type {type}.");
    }

    internal static string SnakeCase(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
