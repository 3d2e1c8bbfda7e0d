namespace Warehouse.Catalogue;

/// <summary>
/// One entity of the catalogue: the view it reads, its GraphQL names, fields, relations and row scope.
/// The GraphQL schema, permission defaults, exports and docs are all derived from these.
/// </summary>
public abstract class EntityDef
{
    private readonly Dictionary<string, FieldDef> _byName = new(StringComparer.Ordinal);
    private readonly List<FieldDef> _fields = [];
    private readonly List<RelationDef> _relations = [];
    private readonly List<AsOfDef> _asOf = [];

    private protected EntityDef(string typeName, string listField, string lookupField, string view, string label,
        string description, RowScope scope, bool exposed)
    {
        TypeName = typeName;
        ListField = listField;
        LookupField = lookupField;
        View = view;
        Label = label;
        Description = description;
        Scope = scope;
        Exposed = exposed;
    }

    /// <summary>GraphQL object type name (e.g. Household).</summary>
    public string TypeName { get; }
    /// <summary>Root connection field (e.g. households).</summary>
    public string ListField { get; }
    /// <summary>Root lookup-by-key field (e.g. household).</summary>
    public string LookupField { get; }
    /// <summary>API view name without schema/prefix (e.g. households → api.households / api_households).</summary>
    public string View { get; }
    public string Label { get; }
    public string Description { get; }
    internal RowScope Scope { get; }
    /// <summary>False for link entities that only serve relations.</summary>
    public bool Exposed { get; }
    public abstract Type ClrType { get; }

    public FieldDef Key { get; internal set; } = null!;
    /// <summary>How records of minors are protected, for entities about persons (members).</summary>
    public MinorRule? Minors { get; internal set; }
    /// <summary>The fixed random key each row carries for cell-key perturbation (null: the entity has none, so no field of it may be aggregate-only).</summary>
    public System.Reflection.PropertyInfo? RecordKey { get; internal set; }
    public IReadOnlyList<FieldDef> Fields => _fields;
    public IReadOnlyList<RelationDef> Relations => _relations;

    /// <summary>Filter-only conditions relative to the request's as-of date (see <see cref="AsOfDef"/>).</summary>
    public IReadOnlyList<AsOfDef> AsOfConditions => _asOf;

    public FieldDef? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The field of that name; a catalogue declaration that names a missing field is a programming error.</summary>
    public FieldDef Require(string name) => Field(name) ?? throw new InvalidOperationException($"{TypeName} has no field {name}.");

    /// <summary>The entity's named measures (rates, conditional counts), declared beside it; null when it has none.</summary>
    public Func<EntityDef, IEnumerable<Aggregation.MeasureDef>>? NamedMeasures { get; internal set; }
    public AsOfDef? AsOf(string name) => _asOf.FirstOrDefault(a => a.Name == name);
    public RelationDef? Relation(string name) => _relations.FirstOrDefault(r => r.Name == name);

    internal void Add(FieldDef field)
    {
        if (!_byName.TryAdd(field.Name, field))
        {
            throw new InvalidOperationException($"{TypeName}.{field.Name} is declared twice.");
        }
        _fields.Add(field);
    }

    internal void Add(AsOfDef condition)
    {
        if (_byName.ContainsKey(condition.Name) || _relations.Any(r => r.Name == condition.Name) || _asOf.Any(a => a.Name == condition.Name))
        {
            throw new InvalidOperationException($"{TypeName}.{condition.Name} is declared twice.");
        }
        _asOf.Add(condition);
    }

    internal void Add(RelationDef relation)
    {
        if (_byName.ContainsKey(relation.Name) || _relations.Any(r => r.Name == relation.Name))
        {
            throw new InvalidOperationException($"{TypeName}.{relation.Name} is declared twice.");
        }
        _relations.Add(relation);
    }

    /// <summary>Calls back with the entity's CLR type as a generic argument (no reflection at query time).</summary>
    internal abstract TResult Accept<TResult>(IEntityVisitor<TResult> visitor);

    public override string ToString() => TypeName;
}
