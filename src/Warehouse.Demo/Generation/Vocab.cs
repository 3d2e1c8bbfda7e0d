namespace Warehouse.Generation;

/// <summary>Code lists and weights used by the generator (data dictionary, section 2).</summary>
internal static class Vocab
{
    public static readonly string[] RiskTypes = ["因病", "因学", "因残", "因自然灾害", "因意外事故", "因产业项目失败", "因务工就业不稳", "缺劳动力", "其他"];
    public static readonly int[] RiskWeights = [40, 8, 15, 5, 5, 4, 8, 12, 3];
    public const int RiskIll = 0;
    public const int RiskStudy = 1;
    public const int RiskDisabled = 2;

    public static readonly string[] MonitorTypes = ["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"];
    public static readonly int[] MonitorWeights = [45, 35, 20];

    public static readonly string[] Ethnicities = ["汉族", "满族", "蒙古族", "回族"];
    public static readonly int[] EthnicityWeights = [82, 12, 4, 2];

    public static readonly string[] ChronicDiseases = ["高血压", "糖尿病", "慢性阻塞性肺疾病", "冠心病", "类风湿关节炎", "慢性肾病", "慢性肝炎"];
    public static readonly string[] MajorDiseases = ["恶性肿瘤", "脑梗", "尿毒症", "白血病", "先天性心脏病", "重性精神病", "脑出血后遗症"];

    /// <summary>Disability types in the order of their certificate code digit (1..7).</summary>
    public static readonly string[] DisabilityTypes = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"];
    public static readonly int[] DisabilityWeights = [12, 14, 3, 50, 8, 9, 4];
    public static readonly string[] Grades = ["一级", "二级", "三级", "四级"];

    public static readonly string[] Trainings = ["电工", "育婴", "烹饪", "焊工", "家政服务", "电商", "种植技术", "养殖技术", "汽车驾驶", "月嫂", "护工", "挖掘机操作"];

    public static readonly string[] ProvinceCities = ["石家庄", "唐山", "秦皇岛", "承德", "廊坊", "保定", "张家口"];
    public static readonly string[] OutOfProvince = ["北京", "天津", "上海", "江苏", "浙江", "广东", "山东", "内蒙古", "辽宁"];

    public static readonly string[] EmployerKinds = ["建筑工程有限公司", "服装厂", "电子有限公司", "物流有限公司", "食品有限公司", "家政服务公司", "汽车配件厂", "酒店", "物业管理有限公司", "机械制造有限公司"];
    public static readonly string[] EmployerPrefixes = ["宏达", "鑫源", "恒通", "华兴", "顺发", "金利", "永盛", "新港", "天成", "瑞丰", "兴隆", "博远"];

    public static readonly string[] Banks = ["农商行", "邮储银行", "农业银行", "信用社", "建设银行", "工商银行"];
    public static readonly int[] BankWeights = [38, 25, 20, 9, 5, 3];

    public static readonly string[] GroupNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    public static readonly int[] MobilePrefixes =
        [130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 150, 151, 152, 153, 155, 156, 157, 158, 159, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187,
            188, 189, 198, 199];

    public static readonly string[] TownRoots =
        ["青石", "杨柳", "双山", "大河", "石门", "龙泉", "桃林", "松岭", "马坊", "白杨", "清水", "柳河", "凤凰", "红旗", "黄土坎", "金沟", "三道河", "八里铺"];

    public static readonly string[] VillageFirst =
        ["杨树", "石", "大", "小", "东", "西", "南", "北", "前", "后", "上", "下", "王家", "李家", "张家", "刘家", "高", "黄", "柳", "杏",
         "梨树", "榆树", "马", "牛", "沙", "岔", "双", "三", "五", "红", "白", "黑", "青", "花", "桃", "枣", "核桃", "板栗", "蘑菇", "老"];

    public static readonly string[] VillageSecond =
        ["沟", "庄", "营", "屯", "峪", "台", "坎", "岭", "洼", "堡", "子", "湾", "坡", "店", "寨", "河", "山", "峪口", "窝铺", "杖子"];

    public static readonly string[] CommunityNames = ["幸福", "新华", "和平", "兴业", "安居", "康乐", "振兴", "惠民", "阳光", "锦绣"];
}
