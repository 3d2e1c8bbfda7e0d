using Warehouse.Data;
using Warehouse.Verification;
using Xunit;

namespace Warehouse.Tests.Verification;

/// <summary>The type table of verify's column-type rule, case by case.</summary>
public sealed class TypeCompatibilityTests
{
    public static TheoryData<DatabaseProvider, Type, string, bool> Rows() => new()
    {
        // SQL Server's reader converts nothing: exact types only.
        { DatabaseProvider.SqlServer, typeof(long), "bigint", true },
        { DatabaseProvider.SqlServer, typeof(long), "int", false },
        { DatabaseProvider.SqlServer, typeof(long), "decimal", false },
        { DatabaseProvider.SqlServer, typeof(int), "int", true },
        { DatabaseProvider.SqlServer, typeof(int), "bigint", false },
        { DatabaseProvider.SqlServer, typeof(int), "smallint", false },
        { DatabaseProvider.SqlServer, typeof(string), "varchar", true },
        { DatabaseProvider.SqlServer, typeof(string), "NVARCHAR", true },
        { DatabaseProvider.SqlServer, typeof(string), "int", false },
        { DatabaseProvider.SqlServer, typeof(bool), "bit", true },
        { DatabaseProvider.SqlServer, typeof(bool), "int", false },
        { DatabaseProvider.SqlServer, typeof(DateOnly), "date", true },
        { DatabaseProvider.SqlServer, typeof(DateOnly), "datetime2", false },
        { DatabaseProvider.SqlServer, typeof(DateTime), "datetime2", true },
        { DatabaseProvider.SqlServer, typeof(DateTime), "datetimeoffset", false },
        // Npgsql widens integers; numeric is refused for money (fractions of a fen).
        { DatabaseProvider.PostgreSql, typeof(long), "bigint", true },
        { DatabaseProvider.PostgreSql, typeof(long), "integer", true },
        { DatabaseProvider.PostgreSql, typeof(long), "numeric", false },
        { DatabaseProvider.PostgreSql, typeof(long), "numeric(18,2)", false },
        { DatabaseProvider.PostgreSql, typeof(int), "integer", true },
        { DatabaseProvider.PostgreSql, typeof(int), "bigint", false },
        { DatabaseProvider.PostgreSql, typeof(string), "character varying(20)", true },
        { DatabaseProvider.PostgreSql, typeof(string), "text", true },
        { DatabaseProvider.PostgreSql, typeof(string), "integer", false },
        { DatabaseProvider.PostgreSql, typeof(bool), "boolean", true },
        { DatabaseProvider.PostgreSql, typeof(bool), "integer", false },
        { DatabaseProvider.PostgreSql, typeof(DateOnly), "date", true },
        { DatabaseProvider.PostgreSql, typeof(DateOnly), "text", false },
        { DatabaseProvider.PostgreSql, typeof(DateTime), "timestamp(3) with time zone", true },
        { DatabaseProvider.PostgreSql, typeof(DateTime), "timestamp without time zone", true },
        { DatabaseProvider.PostgreSql, typeof(DateTime), "date", false },
        // SQLite: affinities; no declared type (a computed view column) is accepted, the data rules check values.
        { DatabaseProvider.Sqlite, typeof(long), "INTEGER", true },
        { DatabaseProvider.Sqlite, typeof(long), "BIGINT", true },
        { DatabaseProvider.Sqlite, typeof(long), "", true },
        { DatabaseProvider.Sqlite, typeof(long), "REAL", false },
        { DatabaseProvider.Sqlite, typeof(long), "TEXT", false },
        { DatabaseProvider.Sqlite, typeof(int), "NUMERIC", true },
        { DatabaseProvider.Sqlite, typeof(bool), "BOOLEAN", true },
        { DatabaseProvider.Sqlite, typeof(string), "TEXT", true },
        { DatabaseProvider.Sqlite, typeof(string), "VARCHAR(20)", true },
        { DatabaseProvider.Sqlite, typeof(string), "INTEGER", false },
        { DatabaseProvider.Sqlite, typeof(DateOnly), "TEXT", true },
        { DatabaseProvider.Sqlite, typeof(DateOnly), "DATE", true },
        { DatabaseProvider.Sqlite, typeof(DateOnly), "INTEGER", false },
        { DatabaseProvider.Sqlite, typeof(DateOnly), "NUMERIC", false },
        { DatabaseProvider.Sqlite, typeof(DateTime), "DATETIME", true },
        { DatabaseProvider.Sqlite, typeof(DateTime), "REAL", false },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Column_types_the_API_can_read(DatabaseProvider provider, Type valueType, string declared, bool compatible)
    {
        Assert.Equal(compatible, TypeCompatibility.IsCompatible(provider, valueType, declared));
    }

    [Theory]
    [InlineData("character varying(20)", "character varying")]
    [InlineData("timestamp(3) with time zone", "timestamp with time zone")]
    [InlineData("numeric(18,2)", "numeric")]
    [InlineData(" bigint ", "bigint")]
    [InlineData("", "")]
    public void Type_names_lose_length_precision_and_scale(string declared, string normalized)
    {
        Assert.Equal(normalized, TypeCompatibility.Normalize(declared));
    }

    [Theory]
    [InlineData("INTEGER", SqliteAffinity.Integer)]
    [InlineData("TINYINT", SqliteAffinity.Integer)]
    [InlineData("VARCHAR(12)", SqliteAffinity.Text)]
    [InlineData("CLOB", SqliteAffinity.Text)]
    [InlineData("", SqliteAffinity.None)]
    [InlineData("BLOB", SqliteAffinity.Blob)]
    [InlineData("DOUBLE PRECISION", SqliteAffinity.Real)]
    [InlineData("DECIMAL(10,2)", SqliteAffinity.Numeric)]
    [InlineData("DATE", SqliteAffinity.Numeric)]
    // The INT rule comes first: "POINT" contains INT (SQLite's own example of a surprising affinity).
    [InlineData("FLOATING POINT", SqliteAffinity.Integer)]
    public void Sqlite_affinity_follows_its_rules_in_order(string declared, object affinity)
    {
        // object: SqliteAffinity is internal to Core, and a public test method cannot take it.
        Assert.Equal((SqliteAffinity)affinity, TypeCompatibility.AffinityOf(declared));
    }
}
