namespace Warehouse.Generation;

/// <summary>One year of a household's income components (fen), for the yearly income history.</summary>
internal readonly record struct IncomeYear(int Year, long Wage, long Business, long BusinessCost, long Property, long Transfer)
{
    public long Net => Wage + Business - BusinessCost + Property + Transfer;

    public long BusinessNet => Business - BusinessCost;
}
