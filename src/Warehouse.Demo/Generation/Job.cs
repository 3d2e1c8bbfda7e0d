namespace Warehouse.Generation;

/// <summary>
/// A member's job as the employment pass draws it, before it gets its row id: the form, where, who employs and pays
/// (monthly, in fen), and the workshop or post it is tied to.
/// </summary>
internal readonly record struct Job(string Form, string Region, string? Employer, string Start, string? End, long Wage, string? WorkshopId,
    string? PostId);
