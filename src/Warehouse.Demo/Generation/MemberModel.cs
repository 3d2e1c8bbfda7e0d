namespace Warehouse.Generation;

/// <summary>The structural (core-stream) facts of one member; names and ID numbers come from another stream.</summary>
internal sealed class MemberModel
{
    public int No { get; set; }
    public string Relation { get; set; } = "户主";
    public bool Male { get; set; }
    public int Age { get; set; }
    public DateOnly Birth { get; set; }
    public string Ethnicity { get; set; } = "汉族";
    public string? Education { get; set; }
    public string? SchoolStatus { get; set; }
    public string Health { get; set; } = "健康";
    public string? Disease { get; set; }

    /// <summary>1..7 (<see cref="Vocab.DisabilityTypes"/> + 1), 0 when not disabled.</summary>
    public int DisabilityType { get; set; }

    /// <summary>1..4.</summary>
    public int DisabilityGrade { get; set; }

    public string Labor { get; set; } = "无劳动力";
    public bool InLaborForce { get; set; }
    public string WorkStatus { get; set; } = "未务工";
    public int WorkMonths { get; set; }
    public bool MedIns { get; set; } = true;
    public bool PensionIns { get; set; } = true;
    public string? TrainingNeed { get; set; }
    public bool HoldsPost { get; set; }

    /// <summary>Employment form of the current job when working.</summary>
    public string? EmpForm { get; set; }

    public int WorkshopIndex { get; set; } = -1;

    public bool IsWorking => WorkStatus != "未务工";
}
