namespace Warehouse.Generation;

/// <summary>
/// The assistance measures of one household (pass 4), from the household's own assistance stream: how many it gets
/// (monitored households about 4.8, at least two; other 脱贫 households none to three), its entitlements first (safety
/// net, disability allowances), then measures drawn by its situation until the count is reached. The steps draw in
/// the order they are called; keep it, or every household's measures change.
/// </summary>
internal sealed class HouseholdAssistance
{
    private static readonly int[] OtherCountWeights = [30, 35, 25, 10];

    // Items of the drawn measures, by index: 0 产业奖补 1 小额信贷 2 公益性岗位 3 交通补助 4 技能培训 5 医疗救助 6 家庭医生
    // 7 参保资助 8 雨露计划 9 教育资助 10 危房改造 11 饮水 12 临时救助 13 搬迁后扶 14 防贫保险 15 消费帮扶.
    private static readonly bool[] Repeatable = [true, false, false, false, true, true, false, false, false, false, false, false, true, false, false, true];

    private readonly GeneratorOptions _o;
    private readonly Timeline _time;
    private readonly string _county;
    private readonly ProjectInfo[] _projects;
    private readonly CountingSink _sink;
    private readonly HouseholdModel _h;
    private readonly Rng _rng;
    private readonly int _target;
    private readonly int _cadre;
    private readonly DateOnly _from;
    private readonly int _spanDays;
    private int _written;

    /// <summary>Starts the household's stream and draws how many measures it gets; <paramref name="seq"/> is the county's last assistance number.</summary>
    public HouseholdAssistance(GeneratorOptions options, Timeline time, string county, ProjectInfo[] projects, CountingSink sink,
        HouseholdModel h, int seq)
    {
        _o = options;
        _time = time;
        _county = county;
        _projects = projects;
        _sink = sink;
        _h = h;
        Seq = seq;
        _rng = Rng.For(options.Seed, Streams.Assistance, h.Index);
        _target = h.Monitored ? Math.Max(2, 1 + _rng.Poisson(3.8)) : h.Poor ? _rng.Weighted(OtherCountWeights) : 0;
        _cadre = h.Index % h.Village.CadreNames.Length;
        // Measures start after the household was identified for monitoring, or within the last two years.
        _from = h.MonitoredAt ?? new DateOnly(options.ReferenceYear - 1, 1, 1);
        _spanDays = Math.Max(1, time.Now.DayNumber - _from.DayNumber);
    }

    /// <summary>The last assistance number written.</summary>
    public int Seq { get; private set; }

    /// <summary>
    /// What the household is entitled to, whatever its count: 低保 or 特困 support, and disability allowances for 脱贫,
    /// monitored or supported households.
    /// </summary>
    public void WriteEntitlements()
    {
        var h = _h;
        var rng = _rng;
        var year = _o.ReferenceYear;
        if (h.SafetyNet == "低保")
        {
            Add("兜底保障", "低保", null, StandardPlan.Amount(StandardPlan.Dibao) / 12 * h.Size, "月", "一卡通", null,
                new DateOnly(year - rng.Range(0, 3), rng.Range(1, 12), 1));
        }
        else if (h.SafetyNet == "特困")
        {
            Add("兜底保障", "特困供养", Fmt.MemberId(h.Index, 1), StandardPlan.Amount(StandardPlan.Tekun) / 12, "月", "一卡通", null,
                new DateOnly(year - rng.Range(0, 4), rng.Range(1, 12), 1));
        }

        if (h.Targeted || h.SafetyNet != "无")
        {
            foreach (var m in h.Members)
            {
                if (m.DisabilityType > 0)
                {
                    Add("兜底保障", "残疾人两项补贴", Fmt.MemberId(h.Index, m.No), m.DisabilityGrade <= 2 ? 27_700L : 18_500L, "月", "一卡通", null,
                        new DateOnly(year - rng.Range(0, 3), rng.Range(1, 12), 1));
                }
            }
        }
    }

    /// <summary>
    /// Measures drawn by the household's situation until its count is reached: an item is weighted by whom it could
    /// serve (no loan without a labourer, no 雨露计划 without a vocational student), and most items are given once.
    /// </summary>
    /// <remarks><paramref name="firstPost"/>: the county's number of the household's first post, as WritePosts numbered the posts.</remarks>
    public void WriteMeasures(int firstPost)
    {
        if (_written >= _target)
        {
            return;
        }

        var h = _h;
        var ill = Array.Find(h.Members, m => m.Health is "长期慢性病" or "患有大病");
        var student = Array.Find(h.Members, m => m.SchoolStatus is not null && m.Age >= 6);
        var vocational = Array.Find(h.Members, m => m.SchoolStatus is { } s && (s.StartsWith("中职", StringComparison.Ordinal)
            || s.StartsWith("大专", StringComparison.Ordinal)));
        var labour = Array.Find(h.Members, m => m.InLaborForce && m.Age is >= 18 and <= 65);
        var migrant = Array.Find(h.Members, m => m.WorkStatus is "省外务工" or "省内县外务工");
        var posts = new List<(MemberModel Member, int Seq)>();
        var ps = firstPost;
        foreach (var m in h.Members)
        {
            if (m.HoldsPost)
            {
                posts.Add((m, ps++));
            }
        }

        int[] weights =
        [
            20, labour is null ? 0 : 8, posts.Count > 0 ? 30 : 0, migrant is null ? 0 : 12, labour is null ? 0 : 8,
            ill is null ? 0 : 25, ill is null ? 3 : 12, 8, vocational is null ? 0 : 35, student is null ? 0 : 14,
            h.HousingSafety is "C" or "D" ? 35 : 0, h.WaterSafe ? 0 : 25, h.MonitorType == "突发严重困难户" ? 30 : 10,
            h.Relocated ? 22 : 0, 8, 5,
        ];
        var guard = 0;
        while (_written < _target && guard++ < 50)
        {
            var item = _rng.Weighted(weights);
            if (weights[item] == 0)
            {
                break;
            }

            // Most items are given once; a post once per holder (its weight drops to 0 when the last holder is served).
            if (!Repeatable[item] && item != 2)
            {
                weights[item] = 0;
            }

            WriteMeasure(item, weights, posts, ill, student, vocational, labour, migrant);
        }
    }

    /// <summary>One drawn measure: its category, item, beneficiary, amount and terms.</summary>
    private void WriteMeasure(int item, int[] weights, List<(MemberModel Member, int Seq)> posts, MemberModel? ill, MemberModel? student,
        MemberModel? vocational, MemberModel? labour, MemberModel? migrant)
    {
        var h = _h;
        var v = h.Village;
        var rng = _rng;
        var from = _from;
        var spanDays = _spanDays;
        switch (item)
        {
            case 0:
                var refProject = v.Projects.Count > 0 ? _projects[v.Projects[rng.Next(v.Projects.Count)]].Code : null;
                // The industry reward is a share of the household's business income up to the cap (county rules):
                // no business income, no reward. The draw stays so that the stream is unchanged for what follows.
                var share = rng.Range(10, 80);
                var reward = Math.Min(StandardPlan.Amount(StandardPlan.IndustryRewardCap),
                    h.Business * StandardPlan.Amount(StandardPlan.IndustryRewardRate) / 10_000 / 1_000 * 1_000 * share / 80);
                if (reward >= 10_000)
                {
                    Add("产业", "到户产业奖补", null, reward, "一次性", "一卡通", refProject);
                }

                break;
            case 1:
                var loanStart = from.AddDays(rng.Next(spanDays + 1));
                Add("金融", "小额信贷", Fmt.MemberId(h.Index, labour!.No), rng.Range(1, 5) * 1_000_000L, "一次性", "对公",
                    "XD" + loanStart.Year.ToString(Fmt.Inv) + rng.Digits(6), loanStart, loanStart.AddYears(3));
                break;
            case 2:
                var (pm, pseq) = posts[0];
                posts.RemoveAt(0);
                if (posts.Count == 0)
                {
                    weights[2] = 0;
                }

                var terms = PostTerms.For(_o.Seed, _time, PostTerms.KeyOf(h.Index, pm.No));
                Add("就业", "公益性岗位", Fmt.MemberId(h.Index, pm.No), terms.Monthly, "月", "一卡通", Fmt.PostId(pseq), terms.Start, terms.End);
                break;
            case 3:
                Add("就业", "务工交通补助", Fmt.MemberId(h.Index, migrant!.No), rng.Range(3, 10) * 10_000L, "一次性", "一卡通", null);
                break;
            case 4:
                Add("就业", "技能培训", Fmt.MemberId(h.Index, labour!.No), rng.Range(5, 20) * 10_000L, "一次性", "对公", null);
                break;
            case 5:
                Add("健康", "医疗救助", Fmt.MemberId(h.Index, ill!.No), rng.Range(5, 200) * 10_000L, "一次性", "一卡通", null);
                break;
            case 6:
                Add("健康", "家庭医生签约", Fmt.MemberId(h.Index, (ill ?? h.Members[0]).No), 0, "年", "对公", null);
                break;
            case 7:
                Add("健康", "参保资助", null, 38_000L * h.Size, "年", "对公", null);
                break;
            case 8:
                Add("教育", "雨露计划", Fmt.MemberId(h.Index, vocational!.No), 300_000L, "年", "一卡通", null);
                break;
            case 9:
                Add("教育", "教育资助", Fmt.MemberId(h.Index, student!.No), rng.Range(10, 25) * 10_000L, "年", "一卡通", null);
                break;
            case 10:
                Add("住房", "危房改造", null, rng.Range(15, 35) * 100_000L, "一次性", "一卡通", null);
                break;
            case 11:
                Add("饮水", "饮水安全巩固", null, rng.Range(2, 20) * 10_000L, "一次性", "对公", null);
                break;
            case 12:
                Add("兜底保障", "临时救助", null, rng.Range(5, 44) * 10_000L, "一次性", "一卡通", null);
                break;
            case 13:
                Add("搬迁后扶", "后续扶持产业奖补", null, rng.Range(10, 50) * 10_000L, "一次性", "一卡通", null);
                break;
            case 14:
                Add("其他", "防贫保险", null, rng.Range(5, 20) * 1_000L * h.Size, "年", "对公", null);
                break;
            default:
                Add("其他", "消费帮扶", null, rng.Range(2, 20) * 10_000L, "一次性", "一卡通", null);
                break;
        }
    }

    private void Add(string category, string item, string? memberId, long amount, string period, string channel, string? refId,
        DateOnly? startAt = null, DateOnly? endAt = null)
    {
        var v = _h.Village;
        var start = _time.Fact(startAt ?? _from.AddDays(_rng.Next(_spanDays + 1)));
        DateOnly? end = endAt ?? (period == "一次性" ? null : _time.YearEnd);
        Seq++;
        _written++;
        _sink.Add(new Rows.AssistanceRow(
            AssistId: "AS-" + Seq.ToString("D7", Fmt.Inv), HouseholdId: _h.Id, MemberId: memberId, CountyCode: _county,
            TownshipCode: v.Township.Code, VillageCode: v.Code, Category: category, Item: item, StartDate: Fmt.Date(start),
            EndDate: Fmt.Date(end), AmountFen: amount, Period: period, Channel: channel, RefId: refId, CadreName: v.CadreNames[_cadre],
            CadrePhone: v.CadrePhones[_cadre]));
    }
}
