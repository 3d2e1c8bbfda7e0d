using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Graph;
using Warehouse.Querying;
using Warehouse.Security;

namespace Warehouse.Administration;

/// <summary>
/// myPermissions for every signed-in user; the matrix, assignments and audit trail, and the mutations that change
/// them, for admins only (absent from every other role's schema, and checked again when resolved).
/// </summary>
internal sealed class AdministrationSchema : ISchemaContributor
{
    public void Contribute(Schema schema, ObjectGraphType query, ref ObjectGraphType? mutation, string? dataRole, bool isAdmin)
    {
        query.Field<NonNullGraphType<MyPermissionsType>>("myPermissions")
            .Description("Your role, region and access to every field. Admins may name a role to see that role's access.")
            .Argument<StringGraphType>("role", "Admins only: county, township or village.")
            .ResolveAsync(async c => await MyPermissionsAsync(c));
        if (!isAdmin)
        {
            return;
        }
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldAccessType>>>>("permissionMatrix")
            .Description("Admins: the permission matrix, optionally for one role and/or type.")
            .Argument<StringGraphType>("role").Argument<StringGraphType>("type")
            .ResolveAsync(async c =>
            {
                Admin(c);
                var role = c.GetArgument<string?>("role");
                var type = c.GetArgument<string?>("type");
                await using var db = await Db(c);
                return await db.FieldPermissions.Where(p => (role == null || p.Role == role) && (type == null || p.TypeName == type))
                    .OrderBy(p => p.TypeName).ThenBy(p => p.FieldName).ThenBy(p => p.Role).ToListAsync(c.CancellationToken);
            });
        query.Field<NonNullGraphType<StringGraphType>>("schemaPreview")
            .Description(
                "Admins: the schema (SDL, with descriptions) a data role gets now, under the current permission matrix: the fields it may not see " +
                "are absent. The same built schema that role's requests use; no data.")
            .Argument<NonNullGraphType<StringGraphType>>("role", "county, township or village.")
            .Resolve(c =>
            {
                var access = Admin(c);
                var role = c.GetArgument<string>("role");
                if (!Roles.IsDataRole(role))
                {
                    throw new QueryException(ErrorCodes.InvalidValue, $"Unknown data role '{role}': use county, township or village.");
                }
                // Through the schema cache with the requester's (current) matrix snapshot: exactly what that role's next request gets.
                var schemas = c.RequestServices!.GetRequiredService<SchemaCache>();
                var schema = schemas.Get(new SchemaKey(role, false, access.Permissions.Version), access.Permissions);
                return schema.Print(new GraphQL.Utilities.PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true })
                    .ReplaceLineEndings("\n");
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AssignmentType>>>>("assignments")
            .Description("Admins: user assignments, optionally searched by user id or region code prefix.")
            .Argument<StringGraphType>("search").Argument<IntGraphType>("first", "At most this many (default 100, max 500).")
            .ResolveAsync(async c =>
            {
                Admin(c);
                var search = c.GetArgument<string?>("search");
                var first = Math.Clamp(c.GetArgument<int?>("first") ?? 100, 1, 500);
                await using var db = await Db(c);
                return await db.UserAssignments.Where(a => search == null || a.UserId.Contains(search) || a.RegionCode.StartsWith(search))
                    .OrderBy(a => a.UserId).ThenBy(a => a.Role).Take(first).ToListAsync(c.CancellationToken);
            });
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditRecordType>>>>("auditTrail")
            .Description("Admins: audit records, newest first, filtered; page with before = the last id you saw.")
            .Argument<StringGraphType>("userId").Argument<StringGraphType>("kind").Argument<StringGraphType>("type")
            .Argument<DateTimeGraphType>("from").Argument<DateTimeGraphType>("to")
            .Argument<LongGraphType>("before", "Only records with a smaller id.").Argument<IntGraphType>("first", "Page size (default 50, max 500).")
            .ResolveAsync(async c =>
            {
                Admin(c);
                var userId = c.GetArgument<string?>("userId");
                var kind = c.GetArgument<string?>("kind");
                var type = c.GetArgument<string?>("type");
                var from = c.GetArgument<DateTime?>("from");
                var to = c.GetArgument<DateTime?>("to");
                var before = c.GetArgument<long?>("before");
                var first = Math.Clamp(c.GetArgument<int?>("first") ?? 50, 1, 500);
                await using var db = await Db(c);
                return await db.AuditRecords.Where(a => (userId == null || a.UserId == userId) && (kind == null || a.Kind == kind)
                        && (type == null || a.TypeName == type) && (from == null || a.At >= from) && (to == null || a.At < to)
                        && (before == null || a.Id < before))
                    .OrderByDescending(a => a.Id).Take(first).ToListAsync(c.CancellationToken);
            });

        mutation ??= new ObjectGraphType
        {
            Name = "Mutation",
            Description = "Administration. Every change is validated as a whole, atomic, audited, and in force from the next request on every " +
            "server instance."
        };
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyType>>>>("apiKeys")
            .Description("Admins only: issued API keys, newest first (never the secret).")
            .Argument<StringGraphType>("userId", "Only the keys of this user.")
            .ResolveAsync(async c =>
            {
                Admin(c);
                return await Service<Security.ApiKeyStore>(c).ListAsync(c.GetArgument<string?>("userId"), c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldAccessType>>>>("setFieldAccess")
            .Description("Change matrix cells, all or nothing. A cell edited against a stale version fails with STALE_VERSION and nothing is applied.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<FieldAccessChangeInputType>>>>("changes")
            .ResolveAsync(async c =>
            {
                var admin = Admin(c);
                var changes = c.GetArgument<List<FieldAccessChange>>("changes");
                return await Service<PermissionAdmin>(c).SetFieldAccessAsync(admin.UserId, changes, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<AssignmentType>>("assignUser")
            .Description("Give a user a role and region (or change them). expectedVersion: the assignment's version you saw (omit or 0 for a new one).")
            .Argument<NonNullGraphType<StringGraphType>>("userId").Argument<NonNullGraphType<StringGraphType>>("role")
            .Argument<NonNullGraphType<StringGraphType>>("regionCode").Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async c => await Service<PermissionAdmin>(c).AssignAsync(Admin(c).UserId, c.GetArgument<string>("userId"),
                c.GetArgument<string>("role"), c.GetArgument<string>("regionCode"), c.GetArgument<int?>("expectedVersion"), c.CancellationToken));
        mutation.Field<NonNullGraphType<AssignmentType>>("revokeUser")
            .Description("Revoke a user's role. The revoked assignment stays as an explicit deny.")
            .Argument<NonNullGraphType<StringGraphType>>("userId").Argument<NonNullGraphType<StringGraphType>>("role")
            .Argument<NonNullGraphType<IntGraphType>>("expectedVersion")
            .ResolveAsync(async c => await Service<PermissionAdmin>(c).RevokeAsync(Admin(c).UserId, c.GetArgument<string>("userId"),
                c.GetArgument<string>("role"), c.GetArgument<int>("expectedVersion"), c.CancellationToken));
        mutation.Field<NonNullGraphType<IssuedApiKeyType>>("issueApiKey")
            .Description("Admins only: issue an API key acting as a user with one active data assignment. The secret is in the answer, once.")
            .Argument<NonNullGraphType<StringGraphType>>("userId").Argument<NonNullGraphType<DateTimeGraphType>>("expiresAt", "At most 366 days ahead.")
            .Argument<StringGraphType>("note", "What the key is for (at most 200 characters).")
            .ResolveAsync(async c =>
            {
                var (row, secret) = await Service<Security.ApiKeyStore>(c).IssueAsync(Admin(c).UserId, c.GetArgument<string>("userId"),
                    c.GetArgument<DateTime>("expiresAt"), c.GetArgument<string?>("note"), c.CancellationToken);
                return new IssuedApiKey(row, secret);
            });
        mutation.Field<NonNullGraphType<ApiKeyType>>("revokeApiKey")
            .Description("Admins only: revoke an API key; it is refused from the next request. Revoking twice is harmless.")
            .Argument<NonNullGraphType<StringGraphType>>("id")
            .ResolveAsync(async c => await Service<Security.ApiKeyStore>(c).RevokeAsync(Admin(c).UserId, c.GetArgument<string>("id"), c.CancellationToken));
    }

    private static async Task<MyPermissions> MyPermissionsAsync(IResolveFieldContext c)
    {
        var access = ((GraphRequestContext)c.UserContext).Access;
        var role = c.GetArgument<string?>("role");
        if (role is not null && !access.IsAdmin)
        {
            throw new QueryException(ErrorCodes.Forbidden, "Only admins may ask for another role's permissions.");
        }
        if (role is not null && !Roles.IsDataRole(role))
        {
            throw new QueryException(ErrorCodes.InvalidValue, $"Unknown data role '{role}'.");
        }
        role ??= access.DataRole;
        IReadOnlyList<FieldPermissionRow> fields = [];
        if (role is not null)
        {
            await using var db = await Db(c);
            var stored = await db.FieldPermissions.Where(p => p.Role == role).ToDictionaryAsync(p => p.TypeName + "." + p.FieldName, c.CancellationToken);
            fields = [.. WarehouseCatalogue.Default.Exposed.SelectMany(e => e.Fields).Select(f =>
            {
                var grant = access.Permissions.For(role, f);
                var row = stored.GetValueOrDefault(f.QualifiedName);
                return new FieldPermissionRow
                {
                    Role = role, TypeName = f.Entity.TypeName, FieldName = f.Name, Access = AccessNames.ToName(grant.Access),
                    Revealable = grant.Revealable, AggregateOnly = grant.AggregateOnly, Version = row?.Version ?? 0,
                    UpdatedAt = row?.UpdatedAt ?? default, UpdatedBy = row?.UpdatedBy ?? "catalogue",
                };
            })];
        }
        return new MyPermissions(access.UserId, access.DataRole, access.DataRole is null ? null : access.RegionCode, access.IsAdmin, access.Permissions.Version,
            fields);
    }

    private static AccessContext Admin(IResolveFieldContext c)
    {
        var access = ((GraphRequestContext)c.UserContext).Access;
        return access.IsAdmin ? access : throw new QueryException(ErrorCodes.Forbidden, "Admins only.");
    }

    private static T Service<T>(IResolveFieldContext c) where T : notnull =>
        (T)c.RequestServices!.GetService(typeof(T))!;

    private static Task<WarehouseDbContext> Db(IResolveFieldContext c) =>
        Service<IDbContextFactory<WarehouseDbContext>>(c).CreateDbContextAsync(c.CancellationToken);
}
