using Microsoft.EntityFrameworkCore;

namespace Warehouse.Data;

/// <summary>One read replica: the name of its connection string (logged; the string itself may hold a password) and its contexts.</summary>
public sealed record ReadReplica(string Name, IDbContextFactory<WarehouseDbContext> Contexts);
