namespace Warehouse.Generation;

/// <summary>Builds the structural model of a household from its own core stream (seed, index), so any pass can rebuild it.</summary>
internal sealed class HouseholdFactory
{
    private static readonly int[] SizeWeights = [25, 31, 19, 14, 11];
    private static readonly int[] BigSizeWeights = [60, 28, 9, 3];
    private static readonly int[] ExitYearWeights = [6, 12, 16, 20, 20, 16, 10];
    private static readonly int[] RiskCountWeights = [55, 33, 12];
    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六"];
    private static readonly string[] ResettleModes = ["城镇集中", "农村集中", "分散"];
    private static readonly int[] ResettleWeights = [50, 30, 20];
    private static readonly string[] Housing = ["A", "B", "C", "D"];
    private static readonly int[] HousingWeights = [70, 22, 6, 2];
    private static readonly int[] DestinationWeights = [40, 28, 32];
    private static readonly string[] LocalForms = ["就近务工", "灵活就业", "自主创业", "以工代赈"];
    private static readonly int[] LocalFormWeights = [55, 22, 13, 10];

    private readonly int _seed;
    private readonly int _year;
    private readonly WorkshopInfo[] _workshops;
    private readonly DateOnly _monitorStart = new(2021, 1, 1);
    private readonly DateOnly _yearEnd;
    private readonly Timeline _time;

    public HouseholdFactory(GeneratorOptions options, WorkshopInfo[] workshops, Timeline time)
    {
        _time = time;
        _seed = options.Seed;
        _year = options.ReferenceYear;
        _workshops = workshops;
        _yearEnd = new DateOnly(_year, 12, 31);
    }

    /// <summary>Household size alone (the first draw of the core stream).</summary>
    public static int SizeOf(int seed, int index) => DrawSize(Rng.For(seed, Streams.HouseholdCore, index));

    /// <summary>
    /// Size and whether the household is 脱贫 or monitored (the first draws of the core stream), without building it:
    /// project beneficiary counts need them for households generated later.
    /// </summary>
    public static (int Size, bool Targeted) ProfileOf(int seed, int index)
    {
        var rng = Rng.For(seed, Streams.HouseholdCore, index);
        var size = DrawSize(rng);
        var (monitorType, poor) = DrawStatus(rng);
        return (size, poor || monitorType is not null);
    }

    private static (string? MonitorType, bool Poor) DrawStatus(Rng rng)
    {
        if (rng.Chance(0.20))
        {
            var mt = rng.Weighted(Vocab.MonitorWeights);
            return (Vocab.MonitorTypes[mt], mt switch { 0 => true, 1 => false, _ => rng.Chance(0.5) });
        }

        return (null, rng.Chance(0.7375));
    }

    private static int DrawSize(Rng rng)
    {
        var i = rng.Weighted(SizeWeights);
        return i < 4 ? i + 1 : 5 + rng.Weighted(BigSizeWeights);
    }

    public HouseholdModel Build(int index, VillageInfo village)
    {
        var rng = Rng.For(_seed, Streams.HouseholdCore, index);
        var h = new HouseholdModel { Index = index, Village = village, Size = DrawSize(rng) };
        (h.MonitorType, h.Poor) = DrawStatus(rng);

        if (h.Poor)
        {
            h.ExitYear = 2014 + rng.Weighted(ExitYearWeights);
        }

        if (h.Monitored)
        {
            var count = 1 + rng.Weighted(RiskCountWeights);
            var weights = Vocab.RiskWeights.ToArray();
            for (var k = 0; k < count; k++)
            {
                var r = rng.Weighted(weights);
                h.Risks.Add(r);
                weights[r] = 0;
            }

            var totalDays = _time.Now.DayNumber - _monitorStart.DayNumber;
            var at = _monitorStart.AddDays(rng.Next(totalDays + 1));
            h.MonitoredAt = at;
            var left = _time.Now.DayNumber - at.DayNumber;
            if (rng.Chance(0.42) && left >= 30)
            {
                h.RiskClearedAt = at.AddDays(rng.Range(30, Math.Min(720, left)));
            }
        }

        BuildMembers(h, rng);
        ReconcileRisks(h);
        SafetyNet(h, rng);
        BuildIncome(h, rng);

        var illRisk = h.HasRisk(Vocab.RiskIll);
        var anyIll = h.Members.Any(m => m.Health is "长期慢性病" or "患有大病");
        h.RigidExpense = 100L * (illRisk ? rng.Range(5_000, 40_000)
            : h.HasRisk(Vocab.RiskStudy) ? rng.Range(3_000, 15_000)
            : anyIll && rng.Chance(0.3) ? rng.Range(1_000, 10_000)
            : rng.Chance(0.05) ? rng.Range(300, 3_000) : 0);

        h.Relocated = rng.Chance(village.IsResettlementSite ? 0.45 : 0.07);
        if (h.Relocated)
        {
            h.ResettleMode = ResettleModes[rng.Weighted(ResettleWeights)];
        }

        h.HousingSafety = h.Relocated ? "A" : Housing[rng.Weighted(HousingWeights)];
        h.WaterSafe = rng.Chance(0.97);

        return h;
    }

    /// <summary>
    /// The members, in the steps a registration would record them: who lives there, each person (birth, schooling,
    /// health), the household's risks made visible in them, then work, training and insurance. Every step draws from
    /// the household's core stream in this order, which is what lets any pass rebuild the same household.
    /// </summary>
    private void BuildMembers(HouseholdModel h, Rng rng)
    {
        var ethnicity = Vocab.Ethnicities[rng.Weighted(Vocab.EthnicityWeights)];
        var members = DrawRelations(h.Size, rng);
        foreach (var m in members)
        {
            m.Birth = _time.Fact(new DateOnly(_year - m.Age, 1, 1).AddDays(rng.Next(365)));
            m.Ethnicity = rng.Chance(0.88) ? ethnicity : Vocab.Ethnicities[rng.Weighted(Vocab.EthnicityWeights)];
            Schooling(m, rng);
            Health(m, rng);
        }

        ShowRisksInMembers(h, members, rng);
        h.Members = members;
        foreach (var m in members)
        {
            Labour(h, m, rng);
        }

        EnsureSomeoneWorks(members, rng);
        foreach (var m in members)
        {
            if (m.InLaborForce && rng.Chance(m.IsWorking ? 0.08 : 0.35))
            {
                m.TrainingNeed = rng.Pick(Vocab.Trainings);
            }

            m.MedIns = rng.Chance(0.985);
            m.PensionIns = m.Age >= 16 && rng.Chance(0.93);
        }
    }

    /// <summary>
    /// Who lives in a household of <paramref name="n"/>, in registration order: the head (older when living alone or
    /// as a couple), usually a spouse, in younger households sometimes a parent of the head, then the descendants.
    /// </summary>
    private static MemberModel[] DrawRelations(int n, Rng rng)
    {
        var members = new MemberModel[n];
        var headAge = n switch
        {
            1 => rng.Chance(0.75) ? rng.Range(58, 88) : rng.Range(30, 57),
            2 => rng.Chance(0.6) ? rng.Range(55, 85) : rng.Range(30, 54),
            _ => rng.Range(30, 72),
        };
        var headMale = rng.Chance(n == 1 ? 0.55 : 0.85);
        members[0] = new MemberModel { No = 1, Relation = "户主", Male = headMale, Age = headAge };
        var k = 1;
        if (n >= 2 && rng.Chance(n == 2 ? 0.7 : 0.9))
        {
            members[k] = new MemberModel { No = k + 1, Relation = "配偶", Male = !headMale, Age = Math.Clamp(headAge + rng.Range(-6, 4), 20, 95) };
            k++;
        }

        var older = headAge >= 58;
        if (!older && k < n && headAge <= 55 && rng.Chance(0.18))
        {
            var male = rng.Chance(0.4);
            members[k] = new MemberModel { No = k + 1, Relation = male ? "之父" : "之母", Male = male, Age = Math.Min(96, headAge + rng.Range(22, 32)) };
            k++;
        }

        FillDescendants(members, k, headAge, rng);
        return members;
    }

    /// <summary>
    /// The places from <paramref name="k"/> on: children of the head; in an older household (head 58+) grown children
    /// first, then a son's wife and grandchildren of the oldest child's generation.
    /// </summary>
    private static void FillDescendants(MemberModel[] members, int k, int headAge, Rng rng)
    {
        var older = headAge >= 58;
        var childAge = -1;
        var hadSon = false;
        var hadDaughterInLaw = false;
        while (k < members.Length)
        {
            MemberModel m;
            if (older && childAge >= 0 && hadSon && !hadDaughterInLaw && rng.Chance(0.7))
            {
                hadDaughterInLaw = true;
                m = new MemberModel { Relation = "之儿媳", Male = false, Age = Math.Max(18, childAge + rng.Range(-4, 3)) };
            }
            else if (older && childAge >= 0)
            {
                var male = rng.Chance(0.52);
                var age = childAge - rng.Range(20, 32);
                m = new MemberModel { Relation = male ? "之孙子" : "之孙女", Male = male, Age = age < 0 ? rng.Range(0, 12) : age };
            }
            else
            {
                var male = rng.Chance(older ? 0.7 : 0.52);
                var age = headAge - rng.Range(22, 36);
                if (age < 0)
                {
                    age = rng.Range(0, 8);
                }

                if (older)
                {
                    age = Math.Max(20, age);
                }

                childAge = Math.Max(childAge, age);
                hadSon |= male;
                m = new MemberModel { Relation = male ? "之子" : "之女", Male = male, Age = age };
            }

            m.No = k + 1;
            members[k] = m;
            k++;
        }
    }

    /// <summary>Risk types must be visible in the members: an illness risk needs someone ill, a disability risk someone disabled.</summary>
    private static void ShowRisksInMembers(HouseholdModel h, MemberModel[] members, Rng rng)
    {
        if (h.HasRisk(Vocab.RiskIll) && !members.Any(m => m.Health is "长期慢性病" or "患有大病"))
        {
            var sick = Oldest(members);
            if (sick.DisabilityType == 0)
            {
                MakeIll(sick, rng, rng.Chance(0.6));
            }
        }

        if (h.HasRisk(Vocab.RiskDisabled) && !members.Any(m => m.DisabilityType > 0))
        {
            MakeDisabled(members[rng.Next(members.Length)], rng);
        }
    }

    /// <summary>
    /// Every household with labour has someone working (a target of the demo data, checked by the generator's tests):
    /// when no labourer drew work, the first one works locally.
    /// </summary>
    private static void EnsureSomeoneWorks(MemberModel[] members, Rng rng)
    {
        if (members.Any(m => m.InLaborForce) && !members.Any(m => m.IsWorking))
        {
            var m = members.First(x => x.InLaborForce);
            m.WorkStatus = "县内务工";
            m.EmpForm = "就近务工";
            m.WorkMonths = rng.Range(3, 12);
        }
    }

    private static MemberModel Oldest(MemberModel[] members)
    {
        var o = members[0];
        foreach (var m in members)
        {
            if (m.Age > o.Age)
            {
                o = m;
            }
        }

        return o;
    }

    private static void Schooling(MemberModel m, Rng rng)
    {
        var a = m.Age;
        if (a < 3)
        {
            return;
        }

        if (a < 6)
        {
            m.SchoolStatus = "学前教育";
            return;
        }

        if (a < 12)
        {
            m.Education = "小学";
            m.SchoolStatus = "小学" + Numerals[a - 6] + "年级";
            return;
        }

        if (a < 15)
        {
            m.Education = "初中";
            m.SchoolStatus = "初中" + Numerals[a - 12] + "年级";
            return;
        }

        if (a < 18)
        {
            if (rng.Chance(0.85))
            {
                var vocational = rng.Chance(0.3);
                m.Education = vocational ? "中专" : "高中";
                m.SchoolStatus = (vocational ? "中职" : "高中") + Numerals[a - 15] + "年级";
            }
            else
            {
                m.Education = "初中";
            }

            return;
        }

        if (a < 22 && rng.Chance(0.35))
        {
            var college = rng.Chance(0.6);
            m.Education = "大专及以上";
            m.SchoolStatus = (college ? "大专" : "本科") + Numerals[Math.Min(a - 18, college ? 2 : 3)] + "年级";
            return;
        }

        string[] levels = ["文盲或半文盲", "小学", "初中", "高中", "中专", "大专及以上"];
        int[] weights = a >= 65 ? [30, 50, 17, 3, 0, 0]
            : a >= 40 ? [4, 30, 52, 9, 3, 2]
            : [1, 8, 45, 20, 11, 15];
        m.Education = levels[rng.Weighted(weights)];
    }

    private static void Health(MemberModel m, Rng rng)
    {
        var a = m.Age;
        if (rng.Chance(a >= 60 ? 0.06 : 0.025))
        {
            MakeDisabled(m, rng);
            return;
        }

        var major = a >= 60 ? 0.035 : 0.012;
        var chronic = a >= 60 ? 0.30 : a >= 40 ? 0.12 : 0.02;
        var r = rng.NextDouble();
        if (r < major)
        {
            MakeIll(m, rng, true);
        }
        else if (r < major + chronic)
        {
            MakeIll(m, rng, false);
        }
    }

    private static void MakeIll(MemberModel m, Rng rng, bool major)
    {
        m.Health = major ? "患有大病" : "长期慢性病";
        m.Disease = rng.Pick(major ? Vocab.MajorDiseases : Vocab.ChronicDiseases);
    }

    private static void MakeDisabled(MemberModel m, Rng rng)
    {
        m.Health = "残疾";
        m.Disease = null;
        m.DisabilityType = 1 + rng.Weighted(Vocab.DisabilityWeights);
        m.DisabilityGrade = rng.Range(1, 4);
    }

    private void Labour(HouseholdModel h, MemberModel m, Rng rng)
    {
        var a = m.Age;
        string labor;
        if (a < 16 || m.SchoolStatus is not null)
        {
            labor = "无劳动力";
        }
        else if (a > 75)
        {
            labor = m.Health == "健康" ? "无劳动力" : rng.Chance(0.5) ? "丧失劳动力" : "无劳动力";
        }
        else if (a >= 65)
        {
            labor = m.Health == "健康"
                ? (rng.Chance(0.2) ? "弱劳动力或半劳动力" : "无劳动力")
                : (rng.Chance(0.35) ? "丧失劳动力" : "无劳动力");
        }
        else
        {
            labor = m.Health switch
            {
                "健康" => rng.Weighted([72, 20, 8]) switch { 0 => "普通劳动力", 1 => "技能劳动力", _ => "弱劳动力或半劳动力" },
                "长期慢性病" => rng.Chance(0.55) ? "弱劳动力或半劳动力" : "普通劳动力",
                "患有大病" => rng.Chance(0.7) ? "丧失劳动力" : "弱劳动力或半劳动力",
                _ => rng.Weighted([45, 40, 15]) switch { 0 => "丧失劳动力", 1 => "弱劳动力或半劳动力", _ => "普通劳动力" },
            };
        }

        m.Labor = labor;
        m.InLaborForce = labor is "普通劳动力" or "技能劳动力" or "弱劳动力或半劳动力";
        if (!m.InLaborForce)
        {
            return;
        }

        var weak = labor == "弱劳动力或半劳动力";
        if (h.Targeted && a is >= 18 and <= 70 && rng.Chance(PostChance(m, weak)))
        {
            m.HoldsPost = true;
            m.WorkStatus = "县内务工";
            m.EmpForm = "公益性岗位";
            m.WorkMonths = PostTerms.For(_seed, _time, PostTerms.KeyOf(h.Index, m.No)).Months;
            return;
        }

        var pWork = labor switch { "技能劳动力" => 0.58, "普通劳动力" => 0.44, _ => 0.20 };
        if (!rng.Chance(pWork))
        {
            return;
        }

        var dest = weak ? (rng.Chance(0.85) ? 0 : 1) : rng.Weighted(DestinationWeights);
        switch (dest)
        {
            case 0:
                m.WorkStatus = "县内务工";
                m.EmpForm = LocalForm(h, m, rng);
                m.WorkMonths = rng.Chance(0.08) ? rng.Range(1, 2) : rng.Range(3, 12);
                break;
            case 1:
                m.WorkStatus = "省内县外务工";
                m.EmpForm = rng.Weighted([85, 10, 5]) switch { 0 => "外出务工", 1 => "灵活就业", _ => "自主创业" };
                m.WorkMonths = rng.Chance(0.05) ? rng.Range(1, 2) : rng.Range(4, 12);
                break;
            default:
                m.WorkStatus = "省外务工";
                m.EmpForm = rng.Chance(0.95) ? "外出务工" : "灵活就业";
                m.WorkMonths = rng.Chance(0.04) ? rng.Range(1, 2) : rng.Range(6, 12);
                break;
        }
    }

    /// <summary>
    /// Public-welfare posts are for labourers of 脱贫 and monitored households who find no other work easily (the
    /// seeds' rule): older people (50+), disabled or ill people and those with weak labour come first; younger able
    /// people rarely hold one.
    /// </summary>
    private static double PostChance(MemberModel m, bool weak)
    {
        if (weak || m.DisabilityType > 0)
        {
            return 0.40;
        }

        if (m.Age >= 50 || m.Health != "健康")
        {
            return 0.30;
        }

        return m.Age >= 40 ? 0.07 : 0.02;
    }

    private string LocalForm(HouseholdModel h, MemberModel m, Rng rng)
    {
        var list = h.Village.Township.Workshops;
        if (list.Count > 0 && rng.Chance(0.14))
        {
            var w = _workshops[list[rng.Next(list.Count)]];
            if (w.LowPoor && h.Targeted && rng.Chance(0.95))
            {
                // Poor workers mostly go to the other workshops of the township.
                var others = list.Where(i => !_workshops[i].LowPoor).ToList();
                w = others.Count > 0 ? _workshops[others[rng.Next(others.Count)]] : null;
            }

            if (w is not null)
            {
                m.WorkshopIndex = w.Index;
                return "帮扶车间";
            }
        }

        return LocalForms[rng.Weighted(LocalFormWeights)];
    }

    /// <summary>
    /// Risk types must fit the members, as a registration check would demand: 因学 needs someone in school,
    /// 因务工就业不稳 someone in the labour force, 缺劳动力 at most one labourer. A risk that does not fit becomes 其他 in
    /// its place (dropped when 其他 is already listed), so the main risk stays first.
    /// </summary>
    private static void ReconcileRisks(HouseholdModel h)
    {
        var labourers = h.Members.Count(m => m.InLaborForce);
        for (var i = 0; i < h.Risks.Count; i++)
        {
            var r = h.Risks[i];
            var misfit = (r == Vocab.RiskStudy && !h.Members.Any(m => m.SchoolStatus is not null))
                || (r == RiskUnstableWork && labourers == 0)
                || (r == RiskNoLabour && labourers >= 2);
            if (!misfit)
            {
                continue;
            }

            if (h.Risks.Contains(RiskOther))
            {
                h.Risks.RemoveAt(i--);
            }
            else
            {
                h.Risks[i] = RiskOther;
            }
        }
    }

    private static readonly int RiskUnstableWork = Array.IndexOf(Vocab.RiskTypes, "因务工就业不稳");
    private static readonly int RiskNoLabour = Array.IndexOf(Vocab.RiskTypes, "缺劳动力");
    private static readonly int RiskOther = Array.IndexOf(Vocab.RiskTypes, "其他");

    /// <summary>
    /// Who gets the safety net, by labour (the seeds' rule). 特困 供养 is for a person living alone who cannot work and
    /// has no one to support them: no ordinary or skilled labour, and old (60+), disabled or seriously ill. 低保 goes
    /// first to households with no labour at all (most of them, 脱贫 and monitored ones above all), then to households
    /// with weak labour only, rarely to households with an able worker. Whether the income fits is settled by
    /// <see cref="BuildIncome"/>: a household on 低保 or 特困 has a per-capita income before the transfer near or below
    /// the 低保 standard.
    /// </summary>
    private static void SafetyNet(HouseholdModel h, Rng rng)
    {
        var able = h.Members.Count(m => m.Labor is "普通劳动力" or "技能劳动力");
        var labourers = h.Members.Count(m => m.InLaborForce);
        var head = h.Members[0];
        var tekunEligible = h.Size == 1 && able == 0
            && (head.Age >= 60 || head.DisabilityType > 0 || head.Health == "患有大病");
        if (tekunEligible && rng.Chance(h.Targeted ? 0.30 : 0.08))
        {
            h.SafetyNet = "特困";
            return;
        }

        var pDibao = labourers == 0 ? (h.Targeted ? 0.78 : 0.40)
            : able == 0 ? (h.Targeted ? 0.30 : 0.08)
            : h.Monitored ? 0.06 : h.Poor ? 0.02 : 0.005;
        if (rng.Chance(pDibao))
        {
            h.SafetyNet = "低保";
        }
        else if (rng.Chance(h.MonitorType == "边缘易致贫户" ? 0.10 : 0.025))
        {
            h.SafetyNet = "低保边缘";
        }
    }

    private static void BuildIncome(HouseholdModel h, Rng rng)
    {
        var perCapitaYuan = 14_000.0 * Math.Exp(0.45 * rng.Normal()) * (h.Monitored ? 0.88 : 1.02);
        // 低保 and 特困 are means-tested: the household's own income (everything but that payment) per person is drawn
        // around 85 % of the 低保 standard (特困: half of it), and the payment is added to the transfer income below.
        var netPayment = h.SafetyNet switch
        {
            "低保" => StandardPlan.Amount(StandardPlan.Dibao) / 12 * h.Size * 12,
            "特困" => StandardPlan.Amount(StandardPlan.Tekun) / 12 * 12,
            _ => 0L,
        };
        if (netPayment > 0)
        {
            var ownShare = h.SafetyNet == "特困" ? 0.5 : 0.85;
            perCapitaYuan = StandardPlan.Amount(StandardPlan.Dibao) / 100.0 * ownShare * Math.Exp(0.3 * rng.Normal());
        }

        var total = (long)Math.Round(perCapitaYuan * 100.0) * h.Size;

        var working = h.Members.Any(m => m.IsWorking);
        var w = 0.66 * Math.Exp(0.35 * rng.Normal());
        var b = rng.Chance(0.3) ? 0.0 : 0.22 * Math.Exp(0.5 * rng.Normal());
        var p = 0.03 * Math.Exp(0.5 * rng.Normal());
        var t = 0.17 * Math.Exp(0.35 * rng.Normal());
        if (!working)
        {
            w *= 0.25;
            t *= 1.8;
        }

        if (rng.Chance(0.05))
        {
            t *= 6; // transfer-heavy households (> 60 % transfer)
        }

        var sum = w + b + p + t;
        var wage = (long)Math.Floor(total * w / sum);
        var businessNet = (long)Math.Floor(total * b / sum);
        var property = (long)Math.Floor(total * p / sum);
        var transfer = total - wage - businessNet - property + netPayment;
        total += netPayment;
        var costRatio = businessNet > 0 ? rng.Uniform(0.15, 0.5) : 0.0;
        var gross = (long)Math.Round(businessNet / (1.0 - costRatio));
        h.Wage = wage;
        h.Business = gross;
        h.BusinessCost = gross - businessNet;
        h.Property = property;
        h.Transfer = transfer;

        var perCapita = total / h.Size;
        var kind = rng.Next(100);
        double prev = kind switch
        {
            < 88 => perCapita / (1.0 + Math.Max(0.005, 0.06 + (0.04 * rng.Normal()))),
            < 98 => perCapita / (1.0 - rng.Uniform(0.03, 0.25)),
            _ => perCapita / (1.0 - rng.Uniform(0.25, 0.45)),
        };
        h.PrevPerCapita = (long)Math.Round(prev);
    }
}
