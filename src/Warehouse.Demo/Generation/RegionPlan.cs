namespace Warehouse.Generation;

/// <summary>Townships and villages of the county, and how the households are spread over the villages.</summary>
internal sealed class RegionPlan
{
    public const int TownshipCount = 12;
    public const int VillageTotal = 250;

    private RegionPlan(string countyCode12, string countyName, TownshipInfo[] townships, VillageInfo[] villages)
    {
        CountyCode12 = countyCode12;
        CountyName = countyName;
        Townships = townships;
        Villages = villages;
    }

    public string CountyCode12 { get; }
    public string CountyName { get; }
    public TownshipInfo[] Townships { get; }
    public VillageInfo[] Villages { get; }

    public static RegionPlan Build(GeneratorOptions o)
    {
        var rng = Rng.For(o.Seed, Streams.Region, 0);
        var county12 = o.CountyCode + "000000";

        // Township roots, shuffled deterministically.
        var roots = Vocab.TownRoots.ToArray();
        for (var i = roots.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (roots[i], roots[j]) = (roots[j], roots[i]);
        }

        var townships = new TownshipInfo[TownshipCount];
        for (var t = 0; t < TownshipCount; t++)
        {
            // One 街道 (001), seven 镇 (101..107), four 乡 (201..204).
            var (part, kind) = t == 0 ? (1, "街道") : t <= 7 ? (100 + t, "镇") : (200 + t - 7, "乡");
            var suffix = kind == "街道" ? "街道" : kind;
            townships[t] = new TownshipInfo
            {
                Index = t,
                Code = o.CountyCode + part.ToString("D3", Fmt.Inv) + "000",
                Name = roots[t] + suffix,
                Kind = kind,
            };
        }

        // Villages per township: 18..25, adjusted to sum to exactly VillageTotal.
        var counts = new int[TownshipCount];
        for (var t = 0; t < TownshipCount; t++)
        {
            counts[t] = rng.Range(18, 25);
        }

        var sum = counts.Sum();
        while (sum != VillageTotal)
        {
            var t = rng.Next(TownshipCount);
            if (sum < VillageTotal && counts[t] < 25)
            {
                counts[t]++;
                sum++;
            }
            else if (sum > VillageTotal && counts[t] > 18)
            {
                counts[t]--;
                sum--;
            }
        }

        var villages = new List<VillageInfo>(VillageTotal);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < TownshipCount; t++)
        {
            var ts = townships[t];
            ts.FirstVillage = villages.Count;
            ts.VillageCount = counts[t];
            var communities = ts.Kind == "街道" ? rng.Range(4, 7) : (rng.Chance(0.4) ? 1 : 0);
            var nextCommunity = 1;
            var nextVillage = 200 + rng.Range(1, 3);
            for (var k = 0; k < counts[t]; k++)
            {
                var isCommunity = k < communities;
                string shortName;
                do
                {
                    shortName = isCommunity
                        ? rng.Pick(Vocab.CommunityNames) + "社区"
                        : rng.Pick(Vocab.VillageFirst) + rng.Pick(Vocab.VillageSecond);
                }
                while (!usedNames.Add(ts.Code + shortName));

                var part = isCommunity ? nextCommunity++ : nextVillage++;
                if (!isCommunity && rng.Chance(0.15))
                {
                    nextVillage++; // gaps left by merged villages
                }

                var urbanRural = isCommunity
                    ? (ts.Kind == "街道" ? "111" : "121")
                    : (k == communities && ts.Kind != "街道" ? "210" : (rng.Chance(0.06) ? "210" : "220"));
                villages.Add(new VillageInfo
                {
                    Index = villages.Count,
                    Code = ts.Code[..9] + part.ToString("D3", Fmt.Inv),
                    Name = isCommunity ? shortName + "居委会" : shortName + "村",
                    ShortName = isCommunity ? shortName : shortName + "村",
                    Township = ts,
                    IsCommunity = isCommunity,
                    UrbanRuralType = urbanRural,
                    IsExited = !isCommunity && rng.Chance(0.58),
                    IsResettlementSite = rng.Chance(isCommunity ? 0.3 : 0.07),
                    Lat = 40.4 + rng.Uniform(-0.25, 0.25),
                    Lng = 118.9 + rng.Uniform(-0.3, 0.3),
                });
            }
        }

        var plan = new RegionPlan(county12, o.CountyName, townships, [.. villages]);
        plan.SpreadHouseholds(o.Households, rng);
        plan.MakeCadres(o.Seed);
        return plan;
    }

    private void SpreadHouseholds(int households, Rng rng)
    {
        // Uneven sizes: lognormal weights; communities are smaller in registered poor households.
        var weights = new double[Villages.Length];
        double total = 0;
        for (var v = 0; v < Villages.Length; v++)
        {
            weights[v] = Math.Exp(0.45 * rng.Normal()) * (Villages[v].IsCommunity ? 0.5 : 1.0);
            total += weights[v];
        }

        var assigned = 0;
        var counts = new int[Villages.Length];
        for (var v = 0; v < Villages.Length; v++)
        {
            counts[v] = (int)Math.Floor(households * weights[v] / total);
            assigned += counts[v];
        }

        for (var v = 0; assigned < households; v = (v + 7) % Villages.Length)
        {
            counts[v]++;
            assigned++;
        }

        var start = 0;
        for (var v = 0; v < Villages.Length; v++)
        {
            Villages[v].HouseholdStart = start;
            Villages[v].HouseholdCount = counts[v];
            start += counts[v];
        }

        foreach (var t in Townships)
        {
            t.HouseholdStart = Villages[t.FirstVillage].HouseholdStart;
            var last = Villages[t.FirstVillage + t.VillageCount - 1];
            t.HouseholdEnd = last.HouseholdStart + last.HouseholdCount;
        }
    }

    private void MakeCadres(int seed)
    {
        foreach (var v in Villages)
        {
            var rng = Rng.For(seed, Streams.Cadre, v.Index);
            var n = rng.Range(2, 4);
            v.CadreNames = new string[n];
            v.CadrePhones = new string[n];
            for (var i = 0; i < n; i++)
            {
                v.CadreNames[i] = ChineseNames.Full(rng, rng.Chance(0.7));
                v.CadrePhones[i] = "0335-" + rng.Range(3, 8).ToString(Fmt.Inv) + rng.Digits(6);
            }
        }
    }

    /// <summary>Village index of a household index (binary search).</summary>
    public VillageInfo VillageOf(int householdIndex)
    {
        int lo = 0, hi = Villages.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Villages[mid].HouseholdStart <= householdIndex)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        // Skip empty villages that share the same start.
        while (lo < Villages.Length - 1 && Villages[lo].HouseholdCount == 0)
        {
            lo++;
        }

        return Villages[lo];
    }
}
