using System.Data;
using System.Data.Common;

namespace Warehouse.Tests.Database.SqlServerShadow;

/// <summary>A transaction that never reaches a server (SaveChanges of several commands begins one).</summary>
internal sealed class InertTransaction(DbConnection connection) : DbTransaction
{
    public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;
    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
    }

    public override void Rollback()
    {
    }
}
