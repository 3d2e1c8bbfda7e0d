namespace Warehouse.Migrations;

/// <summary>A db/ script failed; the message names the script.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException() { }
    public MigrationException(string message) : base(message) { }
    public MigrationException(string message, Exception inner) : base(message, inner) { }
}
