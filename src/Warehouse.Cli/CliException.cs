namespace Warehouse.Cli;

/// <summary>A usage or input error reported to the user with exit code 1.</summary>
internal sealed class CliException : Exception
{
    public CliException() { }
    public CliException(string message) : base(message) { }
    public CliException(string message, Exception inner) : base(message, inner) { }
}
