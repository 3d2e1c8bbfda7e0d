using Warehouse.Catalogue;

namespace Warehouse.Regions;

/// <summary>Catalogue entry for regions (统计用区划代码). Published data: visible county-wide.</summary>
internal static class RegionCatalogue
{
    public static EntityDef<Region> Build() =>
        new EntityBuilder<Region>("Region", "regions", "region", "regions", "行政区划",
                "A county, township or village, identified by its 12-digit statistical division code (统计用区划代码).",
                RowScope.CountyWide)
            .Key(x => x.Code, "code", "统计用区划代码", "12-digit code: province 2 + city 2 + county 2 + township 3 + village 3.",
                sensitivity: Sensitivity.Public)
            .Field(x => x.Name, "name", "名称", "Official name.", caps: FieldCaps.All)
            .Field(x => x.Level, "level", "层级", "COUNTY, TOWNSHIP or VILLAGE.", kind: FieldKind.RegionLevel, caps: FieldCaps.All)
            .Field(x => x.ParentCode, "parentCode", "上级代码", "Code of the region above (null for the county).", caps: FieldCaps.All)
            .Field(x => x.CountyCode, "countyCode", "所属县", "12-digit code of the county.", caps: FieldCaps.All)
            .Field(x => x.TownshipCode, "townshipCode", "所属乡镇", "12-digit code of the township (null for the county).", caps: FieldCaps.All)
            .Field(x => x.UrbanRuralType, "urbanRuralType", "城乡分类代码", "Urban-rural classification: 111/112/121/122/210/220 (220 = 村庄).", caps: FieldCaps.All)
            .Field(x => x.IsExitedVillage, "isExitedVillage", "脱贫村", "The village was a registered poor village and has exited poverty.", caps: FieldCaps.All)
            .Field(x => x.IsResettlementSite, "isResettlementSite", "集中安置点", "A concentrated relocation site is in this village.", caps: FieldCaps.All)
            .HasMany("children", "下级区划", "Regions directly below: townships of the county, villages of a township.",
                "Region", nameof(Region.Code), nameof(Region.ParentCode))
            .HasOne("parent", "上级区划", "The region directly above.", "Region", nameof(Region.ParentCode), nameof(Region.Code))
            .UpdatedAt(x => x.UpdatedAt)
            .Build();
}
