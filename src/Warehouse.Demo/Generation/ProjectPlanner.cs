namespace Warehouse.Generation;

/// <summary>Plans projects, their beneficiaries and funds; every method is a pure function of the seed and the indexes.</summary>
internal sealed class ProjectPlanner
{
    private static readonly string[] Types = ["产业发展", "就业项目", "乡村建设行动", "易地搬迁后扶", "巩固三保障成果", "乡村治理和精神文明建设", "项目管理费", "其他"];
    private static readonly int[] TypeWeights = [50, 8, 22, 6, 7, 3, 2, 2];
    private static readonly string[][] Subtypes =
    [
        ["种植基地", "养殖小区", "加工车间", "光伏电站", "乡村旅游", "冷链仓储"],
        ["技能培训", "务工交通补助", "帮扶车间"],
        ["农村道路", "饮水工程", "人居环境整治", "小型水利"],
        ["安置区配套", "后扶产业"],
        ["住房改造", "教育资助", "医疗保障"],
        ["村级活动场所", "移风易俗"],
        ["项目管理费"],
        ["其他"],
    ];

    private static readonly string[] Crops = ["食用菌", "中药材", "板栗", "设施蔬菜", "林果", "小杂粮", "苹果"];
    private static readonly string[] Animals = ["肉牛", "生猪", "肉羊", "蛋鸡", "林下鸡"];
    private static readonly string[] Natures = ["新建", "续建", "改扩建"];
    private static readonly int[] NatureWeights = [70, 15, 15];
    private static readonly string[] LinkModes = ["务工", "分红", "订单", "流转", "托管"];
    private static readonly string[] SourceTypes = ["衔接资金", "统筹整合涉农资金", "东西部协作", "定点帮扶", "社会捐赠", "地方政府债券"];
    private static readonly int[] SourceWeights = [65, 15, 6, 4, 3, 7];
    private static readonly string[] Levels = ["中央", "省", "市", "县"];

    private readonly GeneratorOptions _o;
    private readonly RegionPlan _regions;
    private readonly string _countyShort;

    private readonly Timeline _time;

    public ProjectPlanner(GeneratorOptions options, RegionPlan regions, Timeline time)
    {
        _time = time;
        _o = options;
        _regions = regions;
        _countyShort = options.CountyName.EndsWith('县') && options.CountyName.Length > 1 ? options.CountyName[..^1] : options.CountyName;
    }

    public static int ProjectCount(int households) => Math.Max(20, (int)Math.Round(households / 120.0));

    public ProjectInfo[] PlanAll()
    {
        var n = ProjectCount(_o.Households);
        var result = new ProjectInfo[n];
        var seqByYear = new int[3];
        var nonEmpty = _regions.Villages.Where(v => v.HouseholdCount > 0).ToArray();
        for (var i = 0; i < n; i++)
        {
            var rng = Rng.For(_o.Seed, Streams.Project, i);
            var year = _o.ReferenceYear - 2 + rng.Next(3);
            var seq = ++seqByYear[year - (_o.ReferenceYear - 2)];
            result[i] = Plan(i, year, seq, rng, nonEmpty);
            result[i].Village?.Projects.Add(i);
        }

        foreach (var p in result)
        {
            var persons = 0;
            var hh = Beneficiaries(p);
            foreach (var idx in hh)
            {
                // 受益脱贫(监测)人口: only members of 脱贫户 and monitored households count, not every beneficiary.
                var (size, targeted) = HouseholdFactory.ProfileOf(_o.Seed, idx);
                persons += targeted ? size : 0;
            }

            p.BenefHouseholds = hh.Length;
            p.BenefPersons = persons;

            // 以工代赈劳务报酬 exists only where there is 以工代赈 money, and the rule sets it against that money
            // (≥ 15 %), not against the whole investment; a project in reserve has no allocation and so no pay yet.
            var counter = 0;
            var yigongFunds = Allocations(p, ref counter).Where(a => a.SourceType == "以工代赈").Sum(a => a.Amount);
            p.LaborPay = yigongFunds > 0
                ? Math.Min(yigongFunds, (long)Math.Ceiling(yigongFunds * Rng.For(_o.Seed, Streams.LaborPay, p.Index).Uniform(0.16, 0.35) / 100.0) * 100L)
                : 0;
        }

        return result;
    }

    /// <summary>
    /// One project from its own stream: what it is, where, what it costs, how far it has come, who carries it out,
    /// how it links to households and who owns what it builds. The steps draw in this order; keep it, or every
    /// project after the change differs.
    /// </summary>
    private ProjectInfo Plan(int index, int year, int seq, Rng rng, VillageInfo[] nonEmpty)
    {
        var t = rng.Weighted(TypeWeights);
        var subtype = rng.Pick(Subtypes[t]);
        var (village, township) = DrawSite(t, subtype, rng, nonEmpty);
        var siteName = village?.ShortName ?? township.Name;
        var name = ProjectName(subtype, siteName, year, township, rng);
        var invest = DrawInvestment(t, rng);
        var status = DrawStatus(year, rng);
        var progress = status switch
        {
            "竣工验收" => 100,
            "实施" => rng.Range(10, 95),
            _ => 0,
        };

        var nature = Natures[rng.Weighted(NatureWeights)];
        var (planStart, planEnd, accepted) = DrawSchedule(year, status, rng);
        var implementer = DrawImplementer(t, subtype, siteName, village, township, rng);
        var links = DrawLinkModes(t, rng);
        var yigong = rng.Chance(t switch { 2 => 0.35, 3 => 0.15, 0 => 0.08, _ => 0.0 });
        // Keep the draw so the rest of the project stream (and so every other project field) is unchanged.
        _ = rng.Uniform(0.16, 0.35);
        var (assetClass, owner) = DrawAssets(t, subtype, township, rng);

        return new ProjectInfo
        {
            Index = index,
            Code = "XM" + year.ToString(Fmt.Inv) + "-" + _o.CountyCode + "-" + seq.ToString("D3", Fmt.Inv),
            Name = name,
            Type = Types[t],
            Subtype = subtype,
            SiteCode = village?.Code ?? township.Code,
            SiteName = siteName,
            Township = township,
            Village = village,
            Year = year,
            Nature = nature,
            Status = status,
            Invest = invest,
            Implementer = implementer,
            PlanStart = planStart,
            PlanEnd = planEnd,
            AcceptedAt = accepted,
            LinkModes = links,
            Yigong = yigong,
            AssetClass = assetClass,
            AssetOwner = owner,
            Progress = progress,
        };
    }

    /// <summary>
    /// Where the project is: a township for county-wide kinds (三保障, management fees, training, travel subsidies) and
    /// some others, mostly one with households; otherwise a village with households.
    /// </summary>
    private (VillageInfo? Village, TownshipInfo Township) DrawSite(int t, string subtype, Rng rng, VillageInfo[] nonEmpty)
    {
        var townshipSited = t is 4 or 6 || subtype is "技能培训" or "务工交通补助" || rng.Chance(0.12) || nonEmpty.Length == 0;
        if (townshipSited)
        {
            return (null, nonEmpty.Length > 0 && rng.Chance(0.9) ? rng.Pick(nonEmpty).Township : rng.Pick(_regions.Townships));
        }

        var village = rng.Pick(nonEmpty);
        return (village, village.Township);
    }

    /// <summary>The name as a project library lists it: the site, what is built or paid for, and the year where one is named.</summary>
    private string ProjectName(string subtype, string siteName, int year, TownshipInfo township, Rng rng)
    {
        return subtype switch
        {
            "种植基地" => siteName + rng.Pick(Crops) + "种植基地建设",
            "养殖小区" => siteName + rng.Pick(Animals) + "养殖小区建设",
            "加工车间" => siteName + "农产品加工车间建设",
            "光伏电站" => siteName + "光伏电站",
            "乡村旅游" => siteName + "乡村旅游配套设施建设",
            "冷链仓储" => siteName + "冷链仓储设施建设",
            "技能培训" => siteName + "脱贫劳动力技能培训",
            "务工交通补助" => siteName + year.ToString(Fmt.Inv) + "年跨省务工交通补助",
            "帮扶车间" => siteName + "帮扶车间建设",
            "农村道路" => siteName + "通村道路硬化",
            "饮水工程" => siteName + "农村供水保障工程",
            "人居环境整治" => siteName + "人居环境整治",
            "小型水利" => siteName + "小型农田水利设施建设",
            "安置区配套" => siteName + "安置区配套设施提升",
            "后扶产业" => siteName + "搬迁群众后续产业",
            "住房改造" => siteName + "农村危房改造",
            "教育资助" => siteName + year.ToString(Fmt.Inv) + "年雨露计划",
            "医疗保障" => siteName + year.ToString(Fmt.Inv) + "年脱贫人口参保资助",
            "村级活动场所" => siteName + "综合服务站建设",
            "移风易俗" => siteName + "新时代文明实践站",
            "项目管理费" => _o.CountyName + year.ToString(Fmt.Inv) + "年衔接资金项目管理费(" + township.Name + ")",
            _ => siteName + "其他帮扶项目",
        };

    }

    /// <summary>The investment, log-normal around the kind's median, in whole 100 元 (stored in fen).</summary>
    private static long DrawInvestment(int t, Rng rng)
    {
        var (median, sigma) = t switch { 0 => (1_200_000.0, 0.6), 6 => (80_000.0, 0.3), _ => (600_000.0, 0.6) };
        return Math.Max(20_000L, (long)Math.Round(median * Math.Exp(sigma * rng.Normal()) / 100.0) * 100L) * 100L;
    }

    /// <summary>The library status by the project's year: projects of two years ago are mostly accepted, this year's mostly planned or under way.</summary>
    private string DrawStatus(int year, Rng rng) => (year - (_o.ReferenceYear - 2)) switch
    {
        0 => rng.Weighted([70, 10, 20]) switch { 0 => "竣工验收", 1 => "出库", _ => "实施" },
        1 => rng.Weighted([45, 45, 10]) switch { 0 => "竣工验收", 1 => "实施", _ => "年度计划" },
        _ => rng.Weighted([15, 20, 25, 35, 5]) switch { 0 => "储备", 1 => "入库", 2 => "年度计划", 3 => "实施", _ => "竣工验收" },
    };

    /// <summary>
    /// Planned start and end once a project is past the reserve (储备/入库); acceptance for an accepted project, within
    /// 40 days of the planned end but not after the reference year, and never after the reference date.
    /// </summary>
    private (DateOnly? Start, DateOnly? End, DateOnly? Accepted) DrawSchedule(int year, string status, Rng rng)
    {
        if (status is "储备" or "入库")
        {
            return (null, null, null);
        }

        var start = new DateOnly(year, rng.Range(2, 5), 1);
        var end = start.AddMonths(rng.Range(3, 7)).AddDays(-1);
        if (status != "竣工验收")
        {
            return (start, end, null);
        }

        var acc = end.AddDays(rng.Range(0, 40));
        var last = new DateOnly(_o.ReferenceYear, 12, 31);
        return (start, end, _time.Fact(acc > last ? last : acc));
    }

    /// <summary>
    /// Who carries the project out: industry projects a cooperative, a company or the village committee; jobs projects
    /// the county's labour bureau; 三保障 and fees the county's rural revitalisation bureau; the rest the township or the village.
    /// </summary>
    private string DrawImplementer(int t, string subtype, string siteName, VillageInfo? village, TownshipInfo township, Rng rng)
    {
        var villageCommittee = village is null ? township.Name + "人民政府"
            : village.IsCommunity ? village.ShortName + "居民委员会" : village.Name + "民委员会";
        return t switch
        {
            0 => rng.Weighted([60, 25, 15]) switch
            {
                0 => siteName + (subtype == "养殖小区" ? "养殖" : "种植") + "专业合作社",
                1 => _countyShort + rng.Pick(Vocab.EmployerPrefixes) + "农业发展有限公司",
                _ => villageCommittee,
            },
            1 => _o.CountyName + "人力资源和社会保障局",
            4 or 6 => _o.CountyName + "乡村振兴局",
            _ => rng.Chance(0.7) ? township.Name + "人民政府" : villageCommittee,
        };
    }

    /// <summary>How households benefit (利益联结): one to three modes for industry projects, work for half the jobs and building projects.</summary>
    private static string? DrawLinkModes(int t, Rng rng)
    {
        if (t == 0)
        {
            var count = rng.Range(1, 3);
            var picked = new bool[LinkModes.Length];
            for (var k = 0; k < count; k++)
            {
                picked[rng.Next(LinkModes.Length)] = true;
            }

            return string.Join(',', LinkModes.Where((_, i) => picked[i]));
        }

        return t is 1 or 2 or 3 && rng.Chance(0.5) ? "务工" : null;
    }

    /// <summary>The class of asset the project leaves (经营性, 公益性, 到户类) and who owns it.</summary>
    private static (string? AssetClass, string? Owner) DrawAssets(int t, string subtype, TownshipInfo township, Rng rng)
    {
        string? assetClass = t switch
        {
            0 => rng.Chance(0.8) ? "经营性" : "到户类",
            2 or 3 or 5 => "公益性",
            4 => "到户类",
            1 => subtype == "帮扶车间" ? "经营性" : null,
            _ => null,
        };
        string? owner = assetClass switch
        {
            "经营性" => "村集体",
            "公益性" => rng.Chance(0.5) ? "村集体" : township.Name + "人民政府",
            "到户类" => "受益农户",
            _ => null,
        };
        return (assetClass, owner);
    }

    /// <summary>Distinct household indexes (ascending) benefiting from the project, 10..150 of its site.</summary>
    public int[] Beneficiaries(ProjectInfo p)
    {
        var rng = Rng.For(_o.Seed, Streams.Beneficiary, p.Index);
        var n = p.RangeCount;
        var k = Math.Min(n, rng.Range(10, 150));
        var chosen = new HashSet<int>();
        for (var j = n - k; j < n; j++)
        {
            var r = rng.Next(j + 1);
            if (!chosen.Add(r))
            {
                chosen.Add(j);
            }
        }

        var result = new int[chosen.Count];
        var i = 0;
        foreach (var r in chosen)
        {
            result[i++] = p.RangeStart + r;
        }

        Array.Sort(result);
        return result;
    }

    /// <summary>Allocations of a project; <paramref name="seq"/> is the running allocation counter.</summary>
    public List<AllocationInfo> Allocations(ProjectInfo p, ref int seq)
    {
        var list = new List<AllocationInfo>(3);
        if (p.Status is "储备" or "入库" or "出库")
        {
            return list;
        }

        var rng = Rng.For(_o.Seed, Streams.Allocation, p.Index);
        var count = p.Invest < 30_000_000 ? 1 : rng.Range(1, 3);
        if (p.Yigong && count == 1 && p.Invest >= 2_000_000)
        {
            count = 2;
        }

        var weights = new double[count];
        double sum = 0;
        for (var i = 0; i < count; i++)
        {
            weights[i] = rng.Uniform(0.5, 1.5);
            sum += weights[i];
        }

        var remaining = p.Invest;
        for (var i = 0; i < count; i++)
        {
            var amount = i == count - 1 ? remaining : (long)Math.Floor(p.Invest * weights[i] / sum / 100.0) * 100L;
            remaining -= amount;
            string type, level;
            if (p.Yigong && i == 0)
            {
                type = "以工代赈";
                level = "中央";
            }
            else
            {
                type = SourceTypes[rng.Weighted(SourceWeights)];
                level = type switch
                {
                    "衔接资金" => Levels[rng.Weighted([50, 25, 10, 15])],
                    "统筹整合涉农资金" => Levels[rng.Weighted([40, 30, 10, 20])],
                    "地方政府债券" => "省",
                    _ => "县",
                };
            }

            var date = _time.Fact(new DateOnly(p.Year, rng.Range(1, 9), rng.Range(1, 28)));
            seq++;
            list.Add(new AllocationInfo
            {
                Seq = seq,
                Id = "A-" + p.Year.ToString(Fmt.Inv) + "-" + seq.ToString("D5", Fmt.Inv),
                DocNo = _o.CountyName[..1] + "财农〔" + p.Year.ToString(Fmt.Inv) + "〕" + rng.Range(1, 120).ToString(Fmt.Inv) + "号",
                Level = level,
                SourceType = type,
                Amount = amount,
                Date = date,
            });
        }

        return list;
    }
}
