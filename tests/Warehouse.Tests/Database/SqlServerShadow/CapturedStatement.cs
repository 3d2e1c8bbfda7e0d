namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>One statement the SQL Server provider would have sent: its text, its parameters (name = value) and what produced it.</summary>
internal sealed record CapturedStatement(string Sql, IReadOnlyList<string> Parameters, string Origin)
{
    public override string ToString() =>
        $"-- {Origin}{Environment.NewLine}{(Parameters.Count > 0 ? "-- " + string.Join(", ", Parameters) + Environment.NewLine : "")}{Sql}";
}
