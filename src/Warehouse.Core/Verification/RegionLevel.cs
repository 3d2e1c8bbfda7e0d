namespace Warehouse.Verification;

/// <summary>The level a 12-digit region code denotes (county 6 significant digits, township 9, village 12).</summary>
internal enum RegionLevel
{
    County,
    Township,
    Village,
}
