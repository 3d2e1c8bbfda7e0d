namespace Warehouse.Querying;

/// <summary>A projected row with the values it sorts on (up to six keys), read in the same SELECT for its cursor.</summary>
internal sealed class Keyed<T>
{
    public T Row { get; set; } = default!;
    public object? K0 { get; set; }
    public object? K1 { get; set; }
    public object? K2 { get; set; }
    public object? K3 { get; set; }
    public object? K4 { get; set; }
    public object? K5 { get; set; }

    public object? this[int i] => i switch { 0 => K0, 1 => K1, 2 => K2, 3 => K3, 4 => K4, 5 => K5, _ => throw new ArgumentOutOfRangeException(nameof(i)) };
}
