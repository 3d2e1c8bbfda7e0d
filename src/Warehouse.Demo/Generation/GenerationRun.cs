using System.Diagnostics;
using Warehouse.Generation.Rows;

namespace Warehouse.Generation;

/// <summary>
/// One generation run. Small plans (regions, workshops, projects) are kept in memory; households are never kept:
/// each pass over households rebuilds every household's model from its own random stream and writes the rows of the
/// table at hand, so memory stays bounded whatever the number of households.
/// </summary>
internal sealed class GenerationRun
{
    private const int HouseholdPasses = 7;

    private readonly GeneratorOptions _o;
    private readonly CountingSink _sink;
    private readonly IProgress<GenerationProgress>? _progress;
    private readonly RegionPlan _regions;
    private readonly WorkshopInfo[] _workshops;
    private readonly HouseholdFactory _factory;
    private readonly ProjectPlanner _planner;
    private readonly ProjectInfo[] _projects;
    private readonly string _county;
    private readonly DateOnly _yearEnd;
    private readonly Timeline _time;
    private readonly int[] _idCounters;
    private readonly int _idBaseDay = new DateOnly(1900, 1, 1).DayNumber;
    private int _heldPosts;
    private int _lastStep = -1;
    private double _lastPercent;

    public GenerationRun(GeneratorOptions options, IBulkSink sink, IProgress<GenerationProgress>? progress)
    {
        _o = options;
        _sink = new CountingSink(new UpdatedAtSink(sink, options));
        _progress = progress;
        _regions = RegionPlan.Build(options);
        _county = _regions.CountyCode12;
        _time = new Timeline(options.ReferenceDate!.Value);
        _yearEnd = _time.YearEnd;
        _workshops = PlanWorkshops();
        _factory = new HouseholdFactory(options, _workshops, _time);
        _planner = new ProjectPlanner(options, _regions, _time);
        _projects = _planner.PlanAll();
        _idCounters = new int[(_yearEnd.DayNumber - _idBaseDay + 1) * 2];
    }

    public GenerationSummary Run()
    {
        var sw = Stopwatch.StartNew();
        WriteRegions();
        WriteHouseholds();
        WriteMembers();
        WriteProjects();
        WriteBeneficiaries();
        WriteFunds();
        WriteWorkshops();
        WritePosts();
        WriteEmployment();
        WriteAssistance();
        WriteCasesAndVisits();
        WriteStandards();
        WriteIncomeHistory();
        _sink.Complete();
        sw.Stop();
        return new GenerationSummary(_o, [.. _sink.Counts], sw.Elapsed);
    }

    // ---------------------------------------------------------------- plans

    private WorkshopInfo[] PlanWorkshops()
    {
        var rng = Rng.For(_o.Seed, Streams.Workshop, 0);
        var count = Math.Max(3, (int)Math.Round(_o.Households / 1500.0));
        var candidates = _regions.Villages.Where(v => v.HouseholdCount > 0 && !v.IsCommunity).ToArray();
        if (candidates.Length == 0)
        {
            candidates = _regions.Villages.Where(v => v.HouseholdCount > 0).ToArray();
        }

        string[] forms = ["厂房式", "居家式", "种养式", "贸易流通式", "文化旅游式"];
        int[] formWeights = [50, 20, 15, 10, 5];
        string[] products = ["服装加工", "手工编织", "电子组装", "食用菌", "箱包加工", "农产品加工", "假发加工", "中药材初加工", "塑料制品", "仿真花加工"];
        const string UsccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var result = new WorkshopInfo[count];
        for (var i = 0; i < count; i++)
        {
            var v = rng.Pick(candidates);
            var uscc = string.Create(10, rng, static (span, r) =>
            {
                for (var k = 0; k < span.Length; k++)
                {
                    span[k] = UsccChars[r.Next(UsccChars.Length)];
                }
            });
            result[i] = new WorkshopInfo
            {
                Index = i,
                Id = "W-" + (i + 1).ToString("D3", Fmt.Inv),
                Name = v.ShortName + rng.Pick(products) + "帮扶车间",
                Uscc = "91" + _o.CountyCode + uscc,
                Form = forms[rng.Weighted(formWeights)],
                RunStatus = rng.Weighted([85, 10, 5]) switch { 0 => "正常运行", 1 => "监测待处置", _ => "清理" },
                Village = v,
                GovInvested = rng.Chance(0.6),
                LowPoor = i == 1 || (count >= 10 && i == count - 2),
            };
            v.Township.Workshops.Add(i);
        }

        return result;
    }

    // ---------------------------------------------------------------- progress

    private void Report(string table, long rows, int done, double percent, bool force = false)
    {
        var step = (int)(percent / 5.0);
        if (!force && step <= _lastStep)
        {
            return;
        }

        _lastStep = Math.Max(_lastStep, step);
        _lastPercent = Math.Max(_lastPercent, percent);
        _progress?.Report(new GenerationProgress(table, rows, done, _o.Households, Math.Round(Math.Min(100.0, percent), 1)));
    }

    private double PassPercent(int pass, int done) => 100.0 * ((pass * (double)_o.Households) + done) / (HouseholdPasses * (double)_o.Households);

    private void ForEachHousehold(int pass, string table, Action<HouseholdModel> action)
    {
        var h = _o.Households;
        var tick = Math.Max(1, h / 100);
        var done = 0;
        foreach (var v in _regions.Villages)
        {
            for (var i = v.HouseholdStart; i < v.HouseholdStart + v.HouseholdCount; i++)
            {
                action(_factory.Build(i, v));
                done++;
                if (done % tick == 0)
                {
                    Report(table, _sink.Current, done, PassPercent(pass, done));
                }
            }
        }
    }

    private void EndTable(string table, int pass)
    {
        var rows = _sink.Current;
        _sink.End();
        var percent = pass >= 0 ? PassPercent(pass + 1, 0) : _lastPercent;
        Report(table, rows, pass >= 0 ? _o.Households : 0, percent, force: true);
    }

    // ---------------------------------------------------------------- region

    private void WriteRegions()
    {
        _sink.Begin<RegionRow>();
        _sink.Add(new RegionRow(
            Code: _county, Name: _o.CountyName, Level: "COUNTY", ParentCode: null, CountyCode: _county, TownshipCode: null, UrbanRuralType: null,
            IsExitedVillage: 0, IsResettlementSite: 0));
        foreach (var t in _regions.Townships)
        {
            _sink.Add(new RegionRow(
                Code: t.Code, Name: t.Name, Level: "TOWNSHIP", ParentCode: _county, CountyCode: _county, TownshipCode: t.Code, UrbanRuralType: null,
                IsExitedVillage: 0, IsResettlementSite: 0));
        }

        foreach (var v in _regions.Villages)
        {
            _sink.Add(new RegionRow(
                Code: v.Code, Name: v.Name, Level: "VILLAGE", ParentCode: v.Township.Code, CountyCode: _county, TownshipCode: v.Township.Code,
                UrbanRuralType: v.UrbanRuralType, IsExitedVillage: Fmt.Bool(v.IsExited), IsResettlementSite: Fmt.Bool(v.IsResettlementSite)));
        }

        EndTable(Tables.Region, -1);
    }

    // ---------------------------------------------------------------- household

    private void WriteHouseholds()
    {
        _sink.Begin<HouseholdRow>();
        ForEachHousehold(0, Tables.Household, h =>
        {
            var v = h.Village;
            var rng = Rng.For(_o.Seed, Streams.HouseholdContact, h.Index);
            var address = v.IsCommunity
                ? rng.Range(1, 24).ToString(Fmt.Inv) + "号楼" + rng.Range(1, 6).ToString(Fmt.Inv) + "单元" + (rng.Range(1, 6) * 100 + rng.Range(1, 4))
                    .ToString(Fmt.Inv) + "室"
                : Vocab.GroupNumerals[rng.Next(Math.Clamp(3 + (v.HouseholdCount / 80), 3, 12))] + "组" + rng.Range(1, 90).ToString(Fmt.Inv) + "号";
            var geo = (v.Lat + rng.Uniform(-0.012, 0.012)).ToString("F5", Fmt.Inv) + "," + (v.Lng + rng.Uniform(-0.012, 0.012)).ToString("F5", Fmt.Inv);
            string? phone = rng.Chance(0.93) ? rng.Pick(Vocab.MobilePrefixes).ToString(Fmt.Inv) + rng.Digits(8) : null;
            string? bank = null, account = null;
            if (rng.Chance(0.96))
            {
                var b = rng.Weighted(Vocab.BankWeights);
                bank = Vocab.Banks[b];
                account = b switch { 0 => "6231", 1 => "6217", 2 => "6228", 3 => "6223", 4 => "6236", _ => "6222" } + rng.Digits(15);
            }

            _sink.Add(new HouseholdRow(
                HouseholdId: h.Id, CountyCode: _county, TownshipCode: v.Township.Code, VillageCode: v.Code, Address: address, GeoPoint: geo,
                HouseholdAttr: h.Poor ? "脱贫户" : "一般农户", ExitYear: h.ExitYear, MonitorType: h.MonitorType, RiskTypes: h.RiskTypesText(),
                MonitoredAt: Fmt.Date(h.MonitoredAt), RiskClearedAt: Fmt.Date(h.RiskClearedAt), HouseholdSize: h.Size, WageIncomeFen: h.Wage,
                BusinessIncomeFen: h.Business, BusinessCostFen: h.BusinessCost, PropertyIncomeFen: h.Property, TransferIncomeFen: h.Transfer,
                PrevPerCapitaNetIncomeFen: h.PrevPerCapita, RigidExpenseFen: h.RigidExpense, Relocated: Fmt.Bool(h.Relocated),
                ResettleMode: h.ResettleMode, HousingSafety: h.HousingSafety, WaterSafe: Fmt.Bool(h.WaterSafe), SafetyNet: h.SafetyNet, Phone: phone,
                BankName: bank, BankAccount: account));
        });
        EndTable(Tables.Household, 0);
    }

    // ---------------------------------------------------------------- member

    private void WriteMembers()
    {
        _sink.Begin<MemberRow>();
        ForEachHousehold(1, Tables.Member, h =>
        {
            var v = h.Village;
            var rng = Rng.For(_o.Seed, Streams.MemberIdentity, h.Index);
            var members = h.Members;
            var headSurname = ChineseNames.Surname(rng);
            var spouse = members.FirstOrDefault(m => m.Relation == "配偶");
            var spouseSurname = ChineseNames.Surname(rng);
            var familySurname = !members[0].Male && spouse is not null ? spouseSurname : headSurname;
            foreach (var m in members)
            {
                var surname = m.Relation switch
                {
                    "户主" => headSurname,
                    "配偶" => spouseSurname,
                    "之儿媳" or "之母" => ChineseNames.Surname(rng),
                    "之父" => headSurname,
                    _ => familySurname,
                };
                var name = surname + ChineseNames.Given(rng, m.Male, rng.Chance(m.Age >= 50 ? 0.75 : 0.55));
                var id = IdNumbers.Build(_o.CountyCode, m.Birth, NextSequence(m.Birth, m.Male));
                string? disability = null, cert = null;
                if (m.DisabilityType > 0)
                {
                    disability = Vocab.DisabilityTypes[m.DisabilityType - 1] + Vocab.Grades[m.DisabilityGrade - 1];
                    cert = id + m.DisabilityType.ToString(Fmt.Inv) + m.DisabilityGrade.ToString(Fmt.Inv);
                }

                if (m.WorkshopIndex >= 0)
                {
                    var w = _workshops[m.WorkshopIndex];
                    w.WorkersTotal++;
                    if (h.Poor)
                    {
                        w.WorkersPoor++;
                    }

                    if (h.MonitorType is not null)
                    {
                        w.WorkersMonitored++;
                    }
                }

                if (m.HoldsPost)
                {
                    _heldPosts++;
                }

                _sink.Add(new MemberRow(
                    MemberId: Fmt.MemberId(h.Index, m.No), HouseholdId: h.Id, CountyCode: _county, TownshipCode: v.Township.Code,
                    VillageCode: v.Code, Name: name, IdNumber: id, Relation: m.Relation, Gender: m.Male ? "男" : "女", BirthDate: Fmt.Date(m.Birth),
                    Ethnicity: m.Ethnicity, Education: m.Education, SchoolStatus: m.SchoolStatus, HealthStatus: m.Health, DiseaseName: m.Disease,
                    DisabilityTypeGrade: disability, DisabilityCertNo: cert, LaborCapacity: m.Labor, WorkStatus: m.WorkStatus,
                    WorkMonths: m.WorkMonths, MedIns: Fmt.Bool(m.MedIns), PensionIns: Fmt.Bool(m.PensionIns), TrainingNeed: m.TrainingNeed));
            }
        });
        EndTable(Tables.Member, 1);
    }

    /// <summary>Sequence part of an ID number, unique per (birth date, gender), odd for men and even for women.</summary>
    private int NextSequence(DateOnly birth, bool male)
    {
        var key = ((birth.DayNumber - _idBaseDay) * 2) + (male ? 1 : 0);
        var n = _idCounters[key]++;
        var offset = (int)(((ulong)(uint)key * 2654435761UL) % 500UL);
        var index = (offset + (n * 37)) % 500;
        return (index * 2) + (male ? 1 : 0);
    }

    // ---------------------------------------------------------------- projects and funds

    private void WriteProjects()
    {
        _sink.Begin<ProjectRow>();
        foreach (var p in _projects)
        {
            _sink.Add(new ProjectRow(
                ProjectCode: p.Code, Name: p.Name, Type: p.Type, Subtype: p.Subtype, SiteCode: p.SiteCode, CountyCode: _county,
                TownshipCode: p.Township.Code, Year: p.Year, Nature: p.Nature, LibStatus: p.Status, TotalInvestFen: p.Invest,
                Implementer: p.Implementer, PlanStart: Fmt.Date(p.PlanStart), PlanEnd: Fmt.Date(p.PlanEnd), AcceptedAt: Fmt.Date(p.AcceptedAt),
                BenefHouseholds: p.BenefHouseholds, BenefPersons: p.BenefPersons, LinkModes: p.LinkModes, LaborPayFen: p.LaborPay,
                AssetClass: p.AssetClass, AssetOwner: p.AssetOwner, ProgressPct: p.Progress));
        }

        EndTable(Tables.Project, -1);
    }

    private void WriteBeneficiaries()
    {
        _sink.Begin<ProjectBeneficiaryRow>();
        foreach (var p in _projects)
        {
            foreach (var idx in _planner.Beneficiaries(p))
            {
                var v = p.Village ?? _regions.VillageOf(idx);
                _sink.Add(new ProjectBeneficiaryRow(
                    ProjectCode: p.Code, HouseholdId: Fmt.HouseholdId(idx), CountyCode: _county, TownshipCode: v.Township.Code, VillageCode: v.Code));
            }
        }

        EndTable(Tables.ProjectBeneficiary, -1);
    }

    private void WriteFunds()
    {
        _sink.Begin<FundAllocationRow>();
        var seq = 0;
        foreach (var p in _projects)
        {
            foreach (var a in _planner.Allocations(p, ref seq))
            {
                _sink.Add(new FundAllocationRow(
                    AllocId: a.Id, ProjectCode: p.Code, CountyCode: _county, TownshipCode: p.Township.Code, DocNo: a.DocNo, SourceLevel: a.Level,
                    SourceType: a.SourceType, AmountFen: a.Amount, AllocDate: Fmt.Date(a.Date), Year: p.Year));
            }
        }

        EndTable(Tables.FundAllocation, -1);

        _sink.Begin<FundDisbursementRow>();
        seq = 0;
        var disb = 0;
        foreach (var p in _projects)
        {
            foreach (var a in _planner.Allocations(p, ref seq))
            {
                WriteDisbursements(p, a, ref disb);
            }
        }

        EndTable(Tables.FundDisbursement, -1);
    }

    private void WriteDisbursements(ProjectInfo p, AllocationInfo a, ref int disb)
    {
        var rng = Rng.For(_o.Seed, Streams.Disbursement, a.Seq);
        var share = p.Status switch
        {
            "竣工验收" => rng.Uniform(0.85, 1.0),
            "实施" => p.Year < _o.ReferenceYear ? rng.Uniform(0.6, 0.95) : rng.Uniform(0.3, 0.8),
            _ => rng.Chance(0.5) ? 0.0 : rng.Uniform(0.05, 0.2),
        };
        var spent = (long)Math.Floor(a.Amount * share / 100.0) * 100L;
        if (spent <= 0)
        {
            return;
        }

        var count = rng.Range(1, 4);
        var first = a.Date.AddDays(5);
        var span = Math.Max(1, _time.Now.DayNumber - first.DayNumber);
        var days = new int[count];
        for (var i = 0; i < count; i++)
        {
            days[i] = rng.Next(Math.Min(span, 420));
        }

        Array.Sort(days);
        var remaining = spent;
        for (var i = 0; i < count; i++)
        {
            var amount = i == count - 1 ? remaining : (long)Math.Floor(spent * rng.Uniform(0.5, 1.5) / count / 100.0) * 100L;
            amount = Math.Min(amount, remaining);
            remaining -= amount;
            if (amount <= 0)
            {
                continue;
            }

            var stage = i == 0 ? "拨付" : rng.Chance(0.03) ? "收回" : "报账支出";
            string payeeType, payeeName, account;
            switch (rng.Weighted([35, 30, 25, 10]))
            {
                case 0:
                    payeeType = "企业";
                    payeeName = (_o.CountyName.Length > 1 ? _o.CountyName[..^1] : _o.CountyName) + rng.Pick(Vocab.EmployerPrefixes)
                        + rng.Pick(["建设工程有限公司", "农业发展有限公司", "商贸有限公司", "建材有限公司"]);
                    account = rng.Digits(18);
                    break;
                case 1:
                    payeeType = "合作社";
                    payeeName = p.SiteName + rng.Pick(["种植", "养殖", "农机", "林果"]) + "专业合作社";
                    account = rng.Digits(18);
                    break;
                case 2:
                    payeeType = "村集体";
                    payeeName = (p.Village?.ShortName ?? p.Township.Name) + "股份经济合作社";
                    account = rng.Digits(18);
                    break;
                default:
                    payeeType = "农户";
                    payeeName = ChineseNames.Full(rng, rng.Chance(0.7));
                    account = "62" + rng.Digits(17);
                    break;
            }

            disb++;
            _sink.Add(new FundDisbursementRow(
                DisbId: "D-" + disb.ToString("D6", Fmt.Inv), AllocId: a.Id, ProjectCode: p.Code, CountyCode: _county, TownshipCode: p.Township.Code,
                Stage: stage, AmountFen: amount, PaidAt: Fmt.Date(_time.Fact(first.AddDays(days[i]))), PayeeType: payeeType, PayeeName: payeeName,
                PayeeAccount: account));
        }
    }

    // ---------------------------------------------------------------- workshops and posts

    private void WriteWorkshops()
    {
        _sink.Begin<WorkshopRow>();
        foreach (var w in _workshops)
        {
            _sink.Add(new WorkshopRow(
                WorkshopId: w.Id, Name: w.Name, OperatorUscc: w.Uscc, Form: w.Form, RunStatus: w.RunStatus, CountyCode: _county,
                TownshipCode: w.Village.Township.Code, VillageCode: w.Village.Code, GovInvested: Fmt.Bool(w.GovInvested),
                WorkersTotal: w.WorkersTotal, WorkersPoor: w.WorkersPoor, WorkersMonitored: w.WorkersMonitored));
        }

        EndTable(Tables.Workshop, -1);
    }

    private void WritePosts()
    {
        _sink.Begin<WelfarePostRow>();
        var seq = 0;
        ForEachHousehold(2, Tables.WelfarePost, h =>
        {
            foreach (var m in h.Members)
            {
                if (!m.HoldsPost)
                {
                    continue;
                }

                seq++;
                var t = PostTerms.For(_o.Seed, _time, PostTerms.KeyOf(h.Index, m.No));
                AddPost(seq, t, h.Village, Fmt.MemberId(h.Index, m.No));
            }
        });

        // A few funded posts are vacant.
        var vacant = Math.Max(1, _heldPosts * 3 / 100);
        var rng = Rng.For(_o.Seed, Streams.VacantPost, 0);
        var villages = _regions.Villages;
        for (var i = 0; i < vacant; i++)
        {
            seq++;
            var t = PostTerms.For(_o.Seed, _time, -1 - i);
            AddPost(seq, t, villages[rng.Next(villages.Length)], null);
        }

        EndTable(Tables.WelfarePost, 2);
    }

    private void AddPost(int seq, PostTerms t, VillageInfo v, string? holder)
    {
        var vacant = holder is null;
        _sink.Add(new WelfarePostRow(
            PostId: Fmt.PostId(seq), PostType: t.Type, CountyCode: _county, TownshipCode: v.Township.Code, VillageCode: v.Code, FundSource: t.FundSource,
            HolderMemberId: holder, TermStart: Fmt.Date(t.Start), TermEnd: Fmt.Date(t.End), MonthlySubsidyFen: t.Monthly,
            FullTime: Fmt.Bool(t.FullTime), SubsidyDueFen: vacant ? 0L : t.Due, SubsidyPaidFen: vacant ? 0L : t.Paid));
    }

    // ---------------------------------------------------------------- employment

    /// <summary>
    /// Employment (pass 3): a row per working member for the job of the reference year, and for about one migrant or
    /// flexible worker in ten a row before it for a job that ended last year. Every draw comes from the household's
    /// employment stream in member order, so the steps below keep the order in which they draw.
    /// </summary>
    private void WriteEmployment()
    {
        _sink.Begin<EmploymentRow>();
        var postSeq = 0;
        var emp = 0;
        ForEachHousehold(3, Tables.Employment, h =>
        {
            var rng = Rng.For(_o.Seed, Streams.Employment, h.Index);
            foreach (var m in h.Members.Where(m => m.IsWorking))
            {
                // Post ids follow households and members in order, as WritePosts numbered them.
                var job = m.HoldsPost ? PostJob(h, m, Fmt.PostId(++postSeq)) : DrawJob(h, m, rng);
                if (EarlierJob(job, rng) is { } earlier)
                {
                    _sink.Add(EmploymentRowOf(++emp, h, m, earlier));
                }

                _sink.Add(EmploymentRowOf(++emp, h, m, job));
            }
        });
        EndTable(Tables.Employment, 3);
    }

    private EmploymentRow EmploymentRowOf(int emp, HouseholdModel h, MemberModel m, Job job) => new(
        EmpId: "E-" + emp.ToString("D7", Fmt.Inv), MemberId: Fmt.MemberId(h.Index, m.No), HouseholdId: h.Id, CountyCode: _county,
        TownshipCode: h.Village.Township.Code, VillageCode: h.Village.Code, EmpForm: job.Form, WorkRegion: job.Region, Employer: job.Employer,
        StartMonth: job.Start, EndMonth: job.End, MonthlyWageFen: job.Wage, WorkshopId: job.WorkshopId, PostId: job.PostId);

    /// <summary>A post holder's job is the post: its terms (the same as the post's row), the village committee as employer. No draw.</summary>
    private Job PostJob(HouseholdModel h, MemberModel m, string postId)
    {
        var t = PostTerms.For(_o.Seed, _time, PostTerms.KeyOf(h.Index, m.No));
        var v = h.Village;
        var committee = v.IsCommunity ? v.ShortName + "居民委员会" : v.Name + "民委员会";
        return new Job(Form: m.EmpForm ?? "就近务工", Region: "县内", Employer: committee, Start: Fmt.Date(t.Start),
            End: Fmt.Date(new DateOnly(t.End.Year, t.End.Month, 1)), Wage: t.Monthly, WorkshopId: null, PostId: postId);
    }

    /// <summary>Any other job of the year: first its months, then where it is, then who employs and pays.</summary>
    private Job DrawJob(HouseholdModel h, MemberModel m, Rng rng)
    {
        var form = m.EmpForm ?? "就近务工";
        var (start, end) = DrawJobMonths(m, rng);
        var region = m.WorkStatus switch
        {
            "省外务工" => "省外·" + rng.Pick(Vocab.OutOfProvince),
            "省内县外务工" => "省内·" + rng.Pick(Vocab.ProvinceCities),
            _ => "县内",
        };
        // The city named in the region ("省外·苏州" → 苏州) names the employer; work in the county takes the county's name.
        var city = region.Length > 3 ? region[3..] : _o.CountyName;
        var (employer, wage, workshopId) = DrawEmployer(h.Village, m, form, city, rng);
        return new Job(form, region, employer, start, end, wage, workshopId, PostId: null);
    }

    /// <summary>
    /// The job's months within the reference year, as many as the member worked: a job of the year has started by the
    /// reference date (its planned end may lie after it), and some jobs starting in January were held since an earlier year.
    /// </summary>
    private (string Start, string? End) DrawJobMonths(MemberModel m, Rng rng)
    {
        var year = _o.ReferenceYear;
        var months = Math.Clamp(m.WorkMonths, 1, 12);
        var startMonth = 1 + rng.Next(13 - months);
        var endMonth = startMonth + months - 1;
        var startDate = _time.FactMonth(new DateOnly(year, startMonth, 1));
        if (startMonth == 1 && rng.Chance(0.4))
        {
            startDate = new DateOnly(year - rng.Range(1, 4), rng.Range(1, 12), 1);
        }

        var end = endMonth == 12 && rng.Chance(0.8) ? null : Fmt.Date(new DateOnly(year, endMonth, 1));
        return (Fmt.Date(startDate), end);
    }

    /// <summary>Who employs by the form of employment, and the monthly wage each form pays (fen).</summary>
    private (string? Employer, long Wage, string? WorkshopId) DrawEmployer(VillageInfo v, MemberModel m, string form, string city, Rng rng)
    {
        switch (form)
        {
            case "帮扶车间":
                var w = _workshops[m.WorkshopIndex];
                return (w.Name, rng.Range(18, 35) * 10_000L, w.Id);
            case "以工代赈":
                // Work-for-relief is paid by a project of the village, or by the township when the village has none.
                var projects = v.Projects;
                var implementer = projects.Count > 0 ? _projects[projects[rng.Next(projects.Count)]].Implementer : v.Township.Name + "人民政府";
                return (implementer, rng.Range(25, 42) * 10_000L, null);
            case "自主创业":
                return (null, rng.Range(20, 60) * 10_000L, null);
            case "灵活就业":
                return (null, rng.Range(15, 45) * 10_000L, null);
            case "外出务工":
                return (city + rng.Pick(Vocab.EmployerPrefixes) + rng.Pick(Vocab.EmployerKinds), rng.Range(35, 75) * 10_000L, null);
            default:
                return (city + rng.Pick(Vocab.EmployerPrefixes) + rng.Pick(Vocab.EmployerKinds), rng.Range(20, 40) * 10_000L, null);
        }
    }

    /// <summary>
    /// About one migrant or flexible worker in ten also had a job last year that has ended: the same form, place and
    /// employer, two to five months from the first half of last year, paid a little less. Other jobs draw nothing here.
    /// </summary>
    private Job? EarlierJob(Job job, Rng rng)
    {
        if (job.Form is not ("外出务工" or "灵活就业") || !rng.Chance(0.1))
        {
            return null;
        }

        var start = new DateOnly(_o.ReferenceYear - 1, rng.Range(1, 6), 1);
        var end = start.AddMonths(rng.Range(2, 6));
        return job with { Start = Fmt.Date(start), End = Fmt.Date(end), Wage = job.Wage - (rng.Range(0, 5) * 10_000L) };
    }

    // ---------------------------------------------------------------- assistance

    private void WriteAssistance()
    {
        _sink.Begin<AssistanceRow>();
        var postSeq = 0;
        var seq = 0;
        ForEachHousehold(4, Tables.Assistance, h =>
        {
            var firstPost = postSeq + 1;
            foreach (var m in h.Members)
            {
                if (m.HoldsPost)
                {
                    postSeq++;
                }
            }

            WriteAssistanceOf(h, firstPost, ref seq);
        });
        EndTable(Tables.Assistance, 4);
    }

    private static readonly string[] CaseSources = ["农户自主申报", "网格员排查", "部门筛查预警"];
    private static readonly int[] CaseSourceWeights = [35, 45, 20];
    private static readonly string[] PendingStatuses = ["待核实", "待审核", "不予纳入"];
    private static readonly int[] PendingWeights = [50, 30, 20];

    /// <summary>
    /// Monitoring cases and visits (pass 5): every monitored household has its identified case (report → identification
    /// mostly within the 15-day rule, some later); about 1.5 % of the others have a case still pending or not included,
    /// reported in the last 45 days of the year. Monitored households are visited every few weeks over the last half
    /// year (some not for more than 30 days at the year's end); other registered households a few times a year.
    /// Both tables are written in one pass, cases first within each household's rows of the case table.
    /// </summary>
    private void WriteIncomeHistory()
    {
        // Three years per household (the reference year and the two before), so changes between years are facts.
        _sink.Begin<HouseholdIncomeYearRow>();
        ForEachHousehold(6, Tables.HouseholdIncomeYear, h =>
        {
            var v = h.Village;
            foreach (var y in IncomeHistory.Build(_o.Seed, h, _o.ReferenceYear))
            {
                _sink.Add(new HouseholdIncomeYearRow(
                    IncomeId: h.Id + "-" + y.Year.ToString(Fmt.Inv), HouseholdId: h.Id, CountyCode: _county, TownshipCode: v.Township.Code,
                    VillageCode: v.Code, IncomeYear: y.Year, HouseholdSize: h.Size, WageIncomeFen: y.Wage, BusinessIncomeFen: y.Business,
                    BusinessCostFen: y.BusinessCost, PropertyIncomeFen: y.Property, TransferIncomeFen: y.Transfer));
            }
        });
        EndTable(Tables.HouseholdIncomeYear, 6);
    }

    private void WriteStandards()
    {
        // One row per kind for the county, valid from three years before the reference year and still in force.
        _sink.Begin<StandardRow>();
        var seq = 0;
        var countyRegion = _county; // already the 12-digit county code (was padded to 18 digits, which only SQLite stored)
        foreach (var (kind, unit, amount) in StandardPlan.All)
        {
            _sink.Add(new StandardRow(
                StandardId: "S-" + (++seq).ToString("D3", Fmt.Inv), CountyCode: _county, RegionCode: countyRegion, StandardKind: kind, Unit: unit,
                AmountFen: amount, ValidFrom: Fmt.Date(new DateOnly(_o.ReferenceYear - 3, 1, 1)), ValidTo: null));
        }

        EndTable(Tables.Standard, -1);
    }

    private void WriteCasesAndVisits()
    {
        _sink.Begin<MonitoringCaseRow>();
        var caseSeq = 0;
        ForEachHousehold(5, Tables.MonitoringCase, h => WriteCaseOf(h, ref caseSeq));
        EndTable(Tables.MonitoringCase, -1);
        _sink.Begin<HouseholdVisitRow>();
        var visitSeq = 0;
        foreach (var v in _regions.Villages)
        {
            for (var i = v.HouseholdStart; i < v.HouseholdStart + v.HouseholdCount; i++)
            {
                WriteVisitsOf(_factory.Build(i, v), ref visitSeq);
            }
        }
        EndTable(Tables.HouseholdVisit, 5);
    }

    private void WriteCaseOf(HouseholdModel h, ref int seq)
    {
        var rng = Rng.For(_o.Seed, Streams.Case, h.Index);
        var v = h.Village;
        if (h.Monitored && h.MonitoredAt is { } identified)
        {
            var days = rng.Chance(0.85) ? rng.Range(3, 15) : rng.Range(16, 40);
            seq++;
            _sink.Add(new MonitoringCaseRow(
                CaseId: "C-" + seq.ToString("D7", Fmt.Inv), HouseholdId: h.Id, CountyCode: _county, TownshipCode: v.Township.Code,
                VillageCode: v.Code, Source: CaseSources[rng.Weighted(CaseSourceWeights)], ReportedAt: Fmt.Date(identified.AddDays(-days)),
                CaseStatus: "已认定", IdentifiedAt: Fmt.Date(identified), DaysToIdentify: days, MainRisk: h.RiskTypesText()?.Split(',')[0]));
        }
        else if (rng.Chance(0.015))
        {
            seq++;
            _sink.Add(new MonitoringCaseRow(
                CaseId: "C-" + seq.ToString("D7", Fmt.Inv), HouseholdId: h.Id, CountyCode: _county, TownshipCode: v.Township.Code,
                VillageCode: v.Code, Source: CaseSources[rng.Weighted(CaseSourceWeights)],
                ReportedAt: Fmt.Date(_time.Now.AddDays(-rng.Range(0, 45))), CaseStatus: PendingStatuses[rng.Weighted(PendingWeights)],
                IdentifiedAt: null, DaysToIdentify: null, MainRisk: Vocab.RiskTypes[rng.Weighted(Vocab.RiskWeights)]));
        }
    }

    private void WriteVisitsOf(HouseholdModel h, ref int seq)
    {
        var rng = Rng.For(_o.Seed, Streams.Visit, h.Index);
        var v = h.Village;
        var visitor = v.CadreNames[h.Index % v.CadreNames.Length];
        if (h.Monitored)
        {
            // Walk back from the year's end in steps of 15–45 days; a late first step leaves some households unvisited for over 30 days.
            var at = _time.Now.AddDays(-(rng.Chance(0.15) ? rng.Range(31, 75) : rng.Range(0, 30)));
            var earliest = _time.Now.AddDays(-180);
            while (at >= earliest)
            {
                seq++;
                _sink.Add(new HouseholdVisitRow(
                    VisitId: "V-" + seq.ToString("D8", Fmt.Inv), HouseholdId: h.Id, CountyCode: _county, TownshipCode: v.Township.Code,
                    VillageCode: v.Code, VisitedAt: Fmt.Date(at), Visitor: visitor,
                    Purpose: rng.Chance(0.6) ? "日常走访" : rng.Chance(0.5) ? "风险核实" : "政策落实"));
                at = at.AddDays(-rng.Range(15, 45));
            }
        }
        else if (h.Poor)
        {
            var visits = rng.Range(0, 2);
            for (var k = 0; k < visits; k++)
            {
                seq++;
                _sink.Add(new HouseholdVisitRow(
                    VisitId: "V-" + seq.ToString("D8", Fmt.Inv), HouseholdId: h.Id, CountyCode: _county, TownshipCode: v.Township.Code,
                    VillageCode: v.Code, VisitedAt: Fmt.Date(_time.Now.AddDays(-rng.Range(0, 360))), Visitor: visitor,
                    Purpose: rng.Chance(0.7) ? "日常走访" : "政策落实"));
            }
        }
    }

    /// <summary>The assistance rows of one household (pass 4): entitlements, then measures drawn up to its target.</summary>
    private void WriteAssistanceOf(HouseholdModel h, int firstPost, ref int seq)
    {
        var assistance = new HouseholdAssistance(_o, _time, _county, _projects, _sink, h, seq);
        assistance.WriteEntitlements();
        assistance.WriteMeasures(firstPost);
        seq = assistance.Seq;
    }
}
