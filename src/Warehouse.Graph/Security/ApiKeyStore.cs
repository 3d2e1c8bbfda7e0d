using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Querying;

namespace Warehouse.Security;

/// <summary>
/// Admin-issued API keys for unattended clients (BI gateways). The secret ("whk_" + 32 random bytes, base64url)
/// is returned once by <see cref="IssueAsync"/>; only its SHA-256 is stored, so a copy of the database does not
/// yield a usable key. A key authenticates as its bound user and nothing more: scope and masks come from that
/// user's stored assignment through <see cref="AccessResolver"/>.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<WarehouseDbContext> contexts, TimeProvider time)
{
    public const string Prefix = "whk_";
    /// <summary>Last-used time is written at most this often per key, so a busy gateway does not turn every read into a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private const int SecretLength = 4 + 43; // "whk_" + base64url of 32 bytes without padding
    private readonly ConcurrentDictionary<string, DateTime> _lastWritten = new(StringComparer.Ordinal);

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when the credential looks like one of our keys (so it is routed to key authentication, not JWT).</summary>
    public static bool LooksLikeKey(string? credential) => credential is not null && credential.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<(ApiKeyRow Row, string Secret)> IssueAsync(string adminId, string userId, DateTime expiresAt, string? note, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        expiresAt = expiresAt.ToUniversalTime();
        if (expiresAt <= now)
        {
            throw new AdminException(ErrorCodes.InvalidApiKey, "expiresAt must be in the future.");
        }
        if (expiresAt > now.AddDays(366))
        {
            // A forgotten key should not live for ever: at most a year, then the admin issues a new one.
            throw new AdminException(ErrorCodes.InvalidApiKey, "expiresAt may be at most 366 days ahead.");
        }
        if (note is { Length: > 200 })
        {
            throw new AdminException(ErrorCodes.InvalidApiKey, "note may be at most 200 characters.");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Bound to one assignment: the user must hold exactly one active data role now. An admin assignment is
        // not accepted, so a leaked key can never change permissions.
        var active = await db.UserAssignments.AsNoTracking().Where(a => a.UserId == userId && a.Status == "active").ToListAsync(ct);
        if (active.Count(a => Roles.IsDataRole(a.Role)) != 1 || active.Any(a => a.Role == Roles.Admin))
        {
            throw new AdminException(ErrorCodes.InvalidApiKey,
                $"User {userId} must hold exactly one active data assignment (county, township or village) and no admin role to be issued a key.");
        }
        var assignment = active.Single(a => Roles.IsDataRole(a.Role));
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = new ApiKeyRow
        {
            KeyId = "key_" + Base64Url(RandomNumberGenerator.GetBytes(12)),
            SecretHash = HashOf(secret), UserId = userId, Note = note, ExpiresAt = expiresAt, CreatedAt = now, CreatedBy = adminId,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApiKeys.Add(row);
        db.AuditRecords.Add(Change(adminId, now, new
        {
            action = "issue", keyId = row.KeyId, userId, role = assignment.Role, assignment.RegionCode, expiresAt,
            note
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (row, secret);
    }

    public async Task<ApiKeyRow> RevokeAsync(string adminId, string keyId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct)
                  ?? throw new AdminException(ErrorCodes.NotFound, $"No API key has id '{keyId}'.");
        if (row.RevokedAt is not null)
        {
            return row;
        }
        var now = time.GetUtcNow().UtcDateTime;
        // Conditional on still being unrevoked, so two concurrent revocations write one audit record.
        var updated = await db.ApiKeys.Where(k => k.KeyId == keyId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now).SetProperty(k => k.RevokedBy, adminId), ct);
        if (updated == 1)
        {
            db.AuditRecords.Add(Change(adminId, now, new { action = "revoke", keyId, row.UserId }));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return await db.ApiKeys.AsNoTracking().FirstAsync(k => k.KeyId == keyId, ct);
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(string? userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().Where(k => userId == null || k.UserId == userId)
            .OrderByDescending(k => k.CreatedAt).ThenBy(k => k.KeyId).ToListAsync(ct);
    }

    /// <summary>The bound user id, or the reason the key is refused (phrased for the 401 body).</summary>
    public async Task<(string? UserId, string? Reason)> AuthenticateAsync(string secret, CancellationToken ct)
    {
        if (secret.Length != SecretLength || !secret[Prefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (null, "the API key is malformed");
        }
        var hash = HashOf(secret);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, ct);
        if (row is null)
        {
            return (null, "the API key is not known");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (row.RevokedAt is not null)
        {
            return (null, "the API key was revoked");
        }
        if (row.ExpiresAt <= now)
        {
            return (null, "the API key has expired");
        }
        if (!_lastWritten.TryGetValue(row.KeyId, out var written) || now - written >= LastUsedResolution)
        {
            _lastWritten[row.KeyId] = now;
            await db.ApiKeys.Where(k => k.KeyId == row.KeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return (row.UserId, null);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static AuditRecordRow Change(string adminId, DateTime at, object detail) => new()
    {
        At = at, UserId = adminId, Role = Roles.Admin, Kind = AuditKinds.ApiKeyChange, Detail = JsonSerializer.Serialize(detail),
    };
}
