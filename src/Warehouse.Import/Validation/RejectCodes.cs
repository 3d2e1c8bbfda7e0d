namespace Warehouse.Import.Validation;

/// <summary>The reject report's text for each code: the stable code, a Chinese and an English reason.</summary>
internal static class RejectCodes
{
    private static readonly Dictionary<RejectCode, (string Code, string Zh, string En)> Texts = new()
    {
        [RejectCode.BadFile] = ("BAD_FILE", "文件无法读取", "the file cannot be read"),
        [RejectCode.UnknownSheet] = ("UNKNOWN_SHEET", "工作表名称不对应任何可导入的数据类别", "the sheet or file name matches no importable entity"),
        [RejectCode.MissingColumn] = ("MISSING_COLUMN", "缺少必填列", "a required column is missing"),
        [RejectCode.UnknownColumn] = ("UNKNOWN_COLUMN", "无法识别的列，已忽略", "unknown column, ignored"),
        [RejectCode.Required] = ("REQUIRED", "必填项为空", "a required value is empty"),
        [RejectCode.BadNumber] = ("BAD_NUMBER", "不是整数", "not a whole number"),
        [RejectCode.OutOfRange] = ("OUT_OF_RANGE", "数值超出允许范围", "the value is out of the allowed range"),
        [RejectCode.BadMoney] = ("BAD_MONEY", "金额格式错误", "not an amount of money"),
        [RejectCode.MoneyPrecision] = ("MONEY_PRECISION", "金额最多两位小数（分）", "money has more than 2 decimals (fen)"),
        [RejectCode.BadDate] = ("BAD_DATE", "日期格式错误或日期不存在", "not a valid date"),
        [RejectCode.BadFlag] = ("BAD_FLAG", "应填“是”或“否”", "must be 是 (yes) or 否 (no)"),
        [RejectCode.NotInVocabulary] = ("NOT_IN_VOCABULARY", "不在规定的取值范围内", "not one of the allowed values"),
        [RejectCode.TooLong] = ("TOO_LONG", "内容超过最大长度", "the text is longer than allowed"),
        [RejectCode.BadIdNumber] = ("BAD_ID_NUMBER", "身份证号应为18位（前17位为数字）", "an ID number has 18 characters, the first 17 digits"),
        [RejectCode.IdCheckDigit] = ("ID_CHECK_DIGIT", "身份证号校验位错误（GB 11643）", "wrong ID number check character (GB 11643)"),
        [RejectCode.IdBirthMismatch] = ("ID_BIRTH_MISMATCH", "出生日期与身份证号不一致", "the birth date differs from the ID number's"),
        [RejectCode.BadRegionCode] = ("BAD_REGION_CODE", "区划代码应为12位数字", "a region code has 12 digits"),
        [RejectCode.RegionNotFound] = ("REGION_NOT_FOUND", "区划代码不存在", "no such region"),
        [RejectCode.RegionWrongLevel] = ("REGION_WRONG_LEVEL", "区划代码级别不符", "the region is not of the required level"),
        [RejectCode.ReferenceNotFound] = ("REFERENCE_NOT_FOUND", "引用的记录在本次导入和库中均不存在", "the referenced record is neither in this load nor in the warehouse"),
        [RejectCode.ReferenceRejected] = ("REFERENCE_REJECTED", "引用的记录在本次导入中被拒绝", "the referenced record was rejected in this load"),
        [RejectCode.ReferenceMismatch] = ("REFERENCE_MISMATCH", "引用的记录不属于本行所填的户", "the referenced record belongs to another household"),
        [RejectCode.DuplicateKey] = ("DUPLICATE_KEY", "编号在文件中重复", "the key appears more than once in the file"),
        [RejectCode.DuplicateValue] = ("DUPLICATE_VALUE", "该值在文件中重复", "the value appears more than once in the file"),
    };

    public static string Code(RejectCode code) => Texts[code].Code;
    public static string Chinese(RejectCode code) => Texts[code].Zh;
    public static string English(RejectCode code) => Texts[code].En;
    public static IEnumerable<RejectCode> All => Texts.Keys;
}
