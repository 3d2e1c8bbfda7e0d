using Warehouse.Catalogue;

namespace Warehouse.Verification;

/// <summary>What the rules see: the catalogue, the database's views as read, the dialect and the options.</summary>
internal sealed class VerifyContext(WarehouseCatalogue catalogue, DatabaseSchema schema, VerifyOptions options)
{
    public WarehouseCatalogue Catalogue { get; } = catalogue;
    public DatabaseSchema Schema { get; } = schema;
    public VerifyOptions Options { get; } = options;
    public VerifyDialect Dialect { get; } = new(schema.Provider);

    /// <summary>The contract columns of an entity (cached: rules ask for them per view).</summary>
    public IReadOnlyList<ContractColumn> Columns(EntityDef entity) =>
        _columns.TryGetValue(entity, out var found) ? found : _columns[entity] = Contract.Columns(entity);

    private readonly Dictionary<EntityDef, IReadOnlyList<ContractColumn>> _columns = [];

    /// <summary>
    /// Whether a data rule may read the column: the view and column exist and the type is compatible. A rule never
    /// reads a column the structure rules already reported, so each problem is reported by one rule.
    /// </summary>
    public bool IsUsable(EntityDef entity, string column)
    {
        var contract = Columns(entity).FirstOrDefault(c => c.Name == column);
        return contract is not null && Schema.Column(entity.View, column) is { } found
            && TypeCompatibility.IsCompatible(Schema.Provider, contract.ValueType, found.Type);
    }

    /// <summary>The contract columns of the entity that rules may read.</summary>
    public IEnumerable<ContractColumn> Usable(EntityDef entity) => Columns(entity).Where(c => IsUsable(entity, c.Name));
}
