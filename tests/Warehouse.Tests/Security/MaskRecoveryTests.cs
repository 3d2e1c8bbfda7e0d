using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Funds;
using Warehouse.Households;
using Warehouse.Members;
using Warehouse.Querying;
using Warehouse.Security;
using Warehouse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Warehouse.Tests.Security;

/// <summary>
/// Masks are checked against what the same role reads in full. For each data role and each field the role reads
/// masked (from the permission matrix in force, i.e. the catalogue defaults the migration stored), sample rows of
/// the role's region are shaped by the real <see cref="ValueShaper"/>/<see cref="Masks"/> code, and the clear values
/// consistent with the masked output plus the role's view of the row's other fields are counted by enumeration
/// (<see cref="MaskCandidates"/>). A masked value is <b>recoverable</b> when fewer than 100 candidates remain: a
/// guess would then succeed more than 1 % of the time. The only exception is a mask whose purpose is to publish a
/// class (Category: the disability type without the grade, 4 grades), which passes when the role's other fields do
/// not narrow it below what the mask alone leaves. See docs/security.md#masks.
/// </summary>
public sealed class MaskRecoveryTests(AppFixture fixtures, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    /// <summary>Fewer candidates than this and a guess succeeds more than 1 % of the time.</summary>
    public const int Threshold = 100;
    private const int SamplesPerField = 8;

    /// <summary>Masks that publish a class on purpose; they must only not be narrowed further by full fields.</summary>
    private static readonly HashSet<MaskKind> PublishesClass = [MaskKind.Category];

    public static TheoryData<DatabaseProvider, string> DataRolesByProvider => Providers.With([.. Roles.DataRoles]);

    [ProviderTheory]
    [MemberData(nameof(DataRolesByProvider))]
    public async Task No_masked_value_is_recoverable_from_what_the_role_reads_in_full(DatabaseProvider provider, string role)
    {
        var fixture = fixtures[provider];
        var snapshot = await fixture.App.Services.GetRequiredService<PermissionStore>().CurrentAsync(CancellationToken.None);
        var region = role switch { Roles.County => fixture.County, Roles.Township => fixture.Township, _ => fixture.Village };
        var access = new AccessContext("mask-recovery", role, region, false, snapshot);
        var masked = WarehouseCatalogue.Default.Exposed.SelectMany(e => e.Fields).Where(f => access.GrantFor(f).Access == Access.Masked).ToList();
        Assert.NotEmpty(masked);
        var failures = new List<string>();
        foreach (var field in masked)
        {
            var rows = await SamplesAsync(fixture.App, field, access);
            Assert.True(rows.Count > 0, $"no sample rows for {field.QualifiedName} in {region}");
            var cap = field.Mask is MaskKind.PersonName or MaskKind.PersonPayeeName or MaskKind.BankAccount or MaskKind.PersonPayeeAccount or MaskKind.GeoPoint
                ? 10_000 : 1_000_000;
            long least = long.MaxValue, leastAlone = long.MaxValue;
            foreach (var row in rows)
            {
                var observed = (string)ValueShaper.Read(access, field, row)!;
                var count = MaskCandidates.Count(field, row, observed, name => View(access, field.Entity, row, name), cap);
                // What the mask alone leaves (nothing else known): only needed for masks that publish a class.
                var alone = PublishesClass.Contains(field.Mask) ? MaskCandidates.Count(field, row, observed, _ => (Access.Hidden, null), cap) : long.MaxValue;
                Assert.True(count >= 1, $"{field.QualifiedName}: the stored value itself is not among the candidates (model error)");
                least = Math.Min(least, count);
                leastAlone = Math.Min(leastAlone, alone);
            }
            var recoverable = least < Threshold && !(PublishesClass.Contains(field.Mask) && least == leastAlone);
            var fewest = least >= cap
                ? string.Create(CultureInfo.InvariantCulture, $">= {cap:N0}")
                : least.ToString("N0", CultureInfo.InvariantCulture);
            var maskAlone = PublishesClass.Contains(field.Mask) ? string.Create(CultureInfo.InvariantCulture, $" (mask alone {leastAlone:N0})") : "";
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{role,-8} {field.QualifiedName,-28} {field.Mask,-18} fewest candidates {fewest}{maskAlone}{(recoverable ? "  RECOVERABLE" : "")}");
            output.WriteLine($"{provider,-10} {line}");
            if (recoverable)
            {
                failures.Add(line);
            }
        }
        Assert.True(failures.Count == 0, "Masked values recoverable from what the role reads in full:\n" + string.Join('\n', failures));
    }

    /// <summary>What the role gets for a field of the row: full value, masked text, or nothing.</summary>
    private static (Access, object?) View(AccessContext access, EntityDef entity, object row, string name)
    {
        var field = entity.Field(name);
        if (field is null)
        {
            return (Access.Hidden, null);
        }
        var grant = access.GrantFor(field);
        return grant.Access switch
        {
            Access.Full => (Access.Full, PropertyAccessors.Getter(field.Property)(row)),
            Access.Masked => (Access.Masked, ValueShaper.Read(access, field, row)),
            _ => (Access.Hidden, null),
        };
    }

    /// <summary>Rows of the role's region holding a value (adults only for members: minors follow their own, stricter rule; person payees only for
    /// payee fields).</summary>
    private static async Task<List<object>> SamplesAsync(WarehouseApp app, FieldDef field, AccessContext access)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<WarehouseDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var region = access.RegionCode;
        var adult = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-14);
        return field.Entity.TypeName switch
        {
            "Member" => [.. await db.Set<Member>().AsNoTracking()
                .Where(m => (m.CountyCode == region || m.TownshipCode == region || m.VillageCode == region) && m.BirthDate <= adult
                    && (field.Name != "disabilityTypeGrade" || m.DisabilityTypeGrade != null))
                .OrderBy(m => m.Id).Take(SamplesPerField).ToListAsync()],
            "Household" => [.. await db.Set<Household>().AsNoTracking()
                .Where(h => h.CountyCode == region || h.TownshipCode == region || h.VillageCode == region)
                .Where(h => h.Address != null && h.GeoPoint != null && h.Phone != null && h.BankAccount != null)
                .OrderBy(h => h.Id).Take(SamplesPerField).ToListAsync()],
            "Disbursement" => [.. await db.Set<Disbursement>().AsNoTracking()
                .Where(d => d.PayeeType == Masks.PersonPayee && d.PayeeAccount != null)
                .OrderBy(d => d.Id).Take(SamplesPerField).ToListAsync()],
            _ => throw new InvalidOperationException($"No sample rows for {field.QualifiedName}: add them to the test."),
        };
    }
}
