using System.Data;

namespace Warehouse.Data;

/// <summary>A parameter of a <see cref="CapturedStatement"/>.</summary>
public sealed record CapturedParameter(string Name, object? Value, DbType DbType);
