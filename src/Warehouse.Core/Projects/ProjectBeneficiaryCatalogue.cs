using Warehouse.Catalogue;

namespace Warehouse.Projects;

/// <summary>
/// The project–household link. Not exposed as a root field; it carries the household's region codes so
/// that the link itself is scoped and a project never leads to households outside the reader's region.
/// </summary>
internal static class ProjectBeneficiaryCatalogue
{
    public static EntityDef<ProjectBeneficiary> Build() =>
        new EntityBuilder<ProjectBeneficiary>("ProjectBeneficiary", "projectBeneficiaries", "projectBeneficiary",
                "project_beneficiaries", "项目受益户", "Link between a project and a beneficiary household.",
                RowScope.Region, exposed: false)
            .Key(x => x.Id, "id", "编号", "Project code and household id.", column: "link_id")
            .Field(x => x.ProjectCode, "projectCode", "项目编号", "Project.")
            .Field(x => x.HouseholdId, "householdId", "户编号", "Household.", identity: Identity.Identifying)
            .RegionCodes("the household")
            .Build();
}
