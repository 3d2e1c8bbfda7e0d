namespace Warehouse.Import.Specs;

/// <summary>
/// The closed vocabularies an import checks: the values the catalogue's field descriptions list, completed with
/// the national monitoring system's code lists where the catalogue says "..." (relations, ethnic groups).
/// A mapping file translates other spellings into these (e.g. 贫困户 → 脱贫户).
/// </summary>
internal static class Vocabularies
{
    public static readonly string[] HouseholdAttr = ["脱贫户", "一般农户"];
    public static readonly string[] MonitorType = ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"];
    public static readonly string[] RiskType = ["因病", "因学", "因残", "因自然灾害", "因意外事故", "因产业项目失败", "因务工就业不稳", "缺劳动力", "其他"];
    public static readonly string[] ResettleMode = ["城镇集中", "农村集中", "分散"];
    public static readonly string[] HousingSafety = ["A", "B", "C", "D"];
    public static readonly string[] SafetyNet = ["低保", "特困", "低保边缘", "无"];

    public static readonly string[] Relation =
        ["户主", "配偶", "之子", "之女", "之儿媳", "之女婿", "之孙子", "之孙女", "之外孙子", "之外孙女", "之父", "之母",
         "之岳父", "之岳母", "之公公", "之婆婆", "之祖父", "之祖母", "之兄弟姐妹", "其他"];
    public static readonly string[] Gender = ["男", "女"];

    /// <summary>The 56 ethnic groups (GB 3304) plus the two residual categories.</summary>
    public static readonly string[] Ethnicity =
        ["汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族",
         "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
         "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
         "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
         "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他", "外国血统中国籍人士"];

    public static readonly string[] Education = ["文盲或半文盲", "小学", "初中", "高中", "中专", "大专及以上"];
    public static readonly string[] SchoolStatus =
        ["学前教育", "小学一年级", "小学二年级", "小学三年级", "小学四年级", "小学五年级", "小学六年级",
         "初中一年级", "初中二年级", "初中三年级", "高中一年级", "高中二年级", "高中三年级",
         "中职一年级", "中职二年级", "中职三年级", "大专一年级", "大专二年级", "大专三年级",
         "本科一年级", "本科二年级", "本科三年级", "本科四年级", "本科五年级", "研究生"];
    public static readonly string[] HealthStatus = ["健康", "长期慢性病", "患有大病", "残疾"];
    public static readonly string[] LaborCapacity = ["普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力"];
    public static readonly string[] WorkStatus = ["县内务工", "省内县外务工", "省外务工", "未务工"];

    public static readonly string[] ProjectType = ["产业发展", "就业项目", "乡村建设行动", "易地搬迁后扶", "巩固三保障成果", "乡村治理和精神文明建设", "项目管理费", "其他"];
    public static readonly string[] ProjectNature = ["新建", "续建", "改扩建"];
    public static readonly string[] LibStatus = ["储备", "入库", "年度计划", "实施", "竣工验收", "出库"];
    public static readonly string[] LinkMode = ["务工", "分红", "订单", "流转", "托管"];
    public static readonly string[] AssetClass = ["经营性", "公益性", "到户类"];

    public static readonly string[] SourceLevel = ["中央", "省", "市", "县"];
    public static readonly string[] SourceType = ["衔接资金", "统筹整合涉农资金", "以工代赈", "东西部协作", "定点帮扶", "社会捐赠", "地方政府债券"];
    public static readonly string[] Stage = ["拨付", "报账支出", "收回"];
    public static readonly string[] PayeeType = ["企业", "合作社", "村集体", "农户"];

    public static readonly string[] PostType = ["村庄保洁员", "生态护林员", "治安协管员", "劳动保障协理员", "看护员", "设施维护员"];
    public static readonly string[] EmpForm = ["外出务工", "就近务工", "灵活就业", "自主创业", "公益性岗位", "帮扶车间", "以工代赈"];

    public static readonly string[] AssistanceCategory = ["产业", "就业", "金融", "健康", "教育", "住房", "饮水", "兜底保障", "搬迁后扶", "其他"];
    public static readonly string[] Period = ["一次性", "月", "年"];
    public static readonly string[] Channel = ["一卡通", "对公"];
}
