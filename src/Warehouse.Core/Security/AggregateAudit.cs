using System.Text.Json;
using Warehouse.Aggregation;

namespace Warehouse.Security;

/// <summary>
/// The audit detail of a protected aggregate, the same for the graph and the aggregate export: what was asked
/// (filter with personal values pseudonymised, keys, measures, having, order, first) and what came back (groups
/// returned, groups withheld). Never a value of the answer.
/// </summary>
public static class AggregateAudit
{
    public static string Detail(AggregateRequest request, AggregateResult result, AuditRedaction redaction) =>
        JsonSerializer.Serialize(new
        {
            where = redaction.RedactFilter(request.Entity, request.Where),
            groupBy = request.GroupBy,
            measures = result.Measures.Select(m => m.Id),
            having = request.Having.Select(h => new { h.Measure, h.Operator, h.Value }),
            order = request.Order.Select(o => new { o.Key, o.Measure, o.Descending }),
            first = request.First,
            @protected = result.Protected,
            groups = result.Groups.Count,
            withheld = result.WithheldGroups,
        });
}
