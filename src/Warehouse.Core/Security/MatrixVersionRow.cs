namespace Warehouse.Security;

/// <summary>
/// One row whose version rises with every permission or assignment change. Every server instance compares
/// it per request, so a change is in force on every instance from the next request, with no restart.
/// </summary>
public sealed class MatrixVersionRow
{
    public int Id { get; set; }
    public long Version { get; set; }
}
