using Warehouse.Catalogue;

namespace Warehouse.Exports;

/// <summary>What one export reads and writes: its columns, the root properties to project and one batched load per reference.</summary>
internal sealed class ExportPlan(EntityDef entity, IReadOnlyList<ExportColumn> columns, IReadOnlyCollection<string> rootProperties,
    IReadOnlyList<RelationDef> relations, IReadOnlyList<IReadOnlyCollection<string>> relationProperties)
{
    public EntityDef Entity { get; } = entity;
    public IReadOnlyList<ExportColumn> Columns { get; } = columns;
    /// <summary>CLR properties of the exported entity to read (key, fields, mask dependencies, reference keys).</summary>
    public IReadOnlyCollection<string> RootProperties { get; } = rootProperties;
    /// <summary>Single references followed by path, in order of first use.</summary>
    public IReadOnlyList<RelationDef> Relations { get; } = relations;
    /// <summary>Per reference: the CLR properties of its target to read.</summary>
    public IReadOnlyList<IReadOnlyCollection<string>> RelationProperties { get; } = relationProperties;
}
