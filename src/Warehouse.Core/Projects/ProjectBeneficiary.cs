namespace Warehouse.Projects;

/// <summary>A row of the api project_beneficiaries view: links a project to a beneficiary household.</summary>
internal sealed class ProjectBeneficiary
{
    public string Id { get; set; } = "";
    public string ProjectCode { get; set; } = "";
    public string HouseholdId { get; set; } = "";
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public string VillageCode { get; set; } = "";
}
