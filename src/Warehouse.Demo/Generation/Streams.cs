namespace Warehouse.Generation;

/// <summary>Keys of the independent random streams, so that each aspect can be regenerated on its own.</summary>
internal static class Streams
{
    public const int Region = 1;
    public const int HouseholdCore = 2;
    public const int HouseholdContact = 3;
    public const int MemberIdentity = 4;
    public const int Employment = 5;
    public const int Assistance = 6;
    public const int Post = 7;
    public const int Project = 8;
    public const int Beneficiary = 9;
    public const int Allocation = 10;
    public const int Disbursement = 11;
    public const int Workshop = 12;
    public const int VacantPost = 13;
    public const int Cadre = 14;
    public const int Case = 15;
    public const int Visit = 16;
    public const int LaborPay = 17;
    public const int IncomeHistory = 18;
}
