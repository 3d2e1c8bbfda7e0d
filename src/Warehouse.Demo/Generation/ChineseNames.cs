namespace Warehouse.Generation;

/// <summary>Plausible, fictitious Chinese personal names (common surnames weighted).</summary>
internal static class ChineseNames
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许", "沈", "曾", "彭", "吕", "苏", "卢",
        "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘", "杜", "戴", "夏", "钟", "田", "任", "姜", "范", "方", "石", "姚",
        "谭", "邹", "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "万", "段",
        "雷", "钱", "汤", "尹", "常", "武", "乔", "贺", "龚", "文", "关", "佟", "那", "鲍", "付",
    ];

    private static readonly int[] SurnameCumulative = BuildCumulative();

    private static readonly string MaleChars = "伟强军磊勇杰涛明超刚平辉鹏华飞斌宇浩凯健俊建国志文海东林春生福贵财金山成德永庆兴旺宝利喜峰波龙亮树长立新占广友";
    private static readonly string FemaleChars = "芳娜敏静丽艳娟霞秀英华玲红梅兰凤琴云莲桂珍燕萍洁婷雪慧颖倩欣怡萱佳悦琳月春荣淑玉翠香";

    private static int[] BuildCumulative()
    {
        var c = new int[Surnames.Length];
        var total = 0;
        for (var i = 0; i < Surnames.Length; i++)
        {
            total += 1000 / (i + 6);
            c[i] = total;
        }

        return c;
    }

    public static string Surname(Rng rng)
    {
        var r = rng.Next(SurnameCumulative[^1]);
        var i = 0;
        while (SurnameCumulative[i] <= r)
        {
            i++;
        }

        return Surnames[i];
    }

    public static string Given(Rng rng, bool male, bool twoChars)
    {
        var pool = male ? MaleChars : FemaleChars;
        if (!twoChars)
        {
            return pool[rng.Next(pool.Length)].ToString();
        }

        var a = pool[rng.Next(pool.Length)];
        var b = pool[rng.Next(pool.Length)];
        return string.Concat(a.ToString(), b.ToString());
    }

    public static string Full(Rng rng, bool male) => Surname(rng) + Given(rng, male, rng.Chance(0.65));
}
