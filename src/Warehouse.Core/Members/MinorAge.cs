namespace Warehouse.Members;

/// <summary>
/// Below this age a person's records are a minor's (PIPL art. 28, 31): the catalogue's minors rule and the tools that
/// must reproduce its cut-off (the benchmark's peer queries) read it from here.
/// </summary>
public static class MinorAge
{
    /// <summary>Full years; a person of this age or older is not a minor.</summary>
    public const int Years = 14;
}
