using Warehouse.Catalogue;

namespace Warehouse.Exports;

/// <summary>
/// One output column: a scalar field of the exported entity (<c>perCapitaNetIncome</c>), or a scalar of a single
/// reference reached by path (<c>household.perCapitaNetIncome</c>), then <see cref="Relation"/> is set and
/// <see cref="RelationIndex"/> says which batched related load of the page it reads from.
/// </summary>
internal sealed class ExportColumn(string path, FieldDef field, RelationDef? relation, int relationIndex)
{
    /// <summary>The name as asked for, and the CSV header with <c>header=names</c>.</summary>
    public string Path { get; } = path;
    public FieldDef Field { get; } = field;
    public RelationDef? Relation { get; } = relation;
    /// <summary>Index into <see cref="ExportPlan.Relations"/>; -1 for a field of the exported entity itself.</summary>
    public int RelationIndex { get; } = relationIndex;

    /// <summary>Chinese header (<c>header=labels</c>): 人均纯收入, or 所属户.人均纯收入 through a reference.</summary>
    public string Label => Relation is null ? Field.Label : $"{Relation.Label}.{Field.Label}";
}
