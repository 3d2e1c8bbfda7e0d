using Microsoft.EntityFrameworkCore;
using Warehouse.Data;

namespace Warehouse.Security;

/// <summary>EF mapping of the security tables (sec schema on SQL Server and PostgreSQL, sec_ prefix on SQLite).</summary>
internal static class SecurityModel
{
    public static void Configure(ModelBuilder modelBuilder, DatabaseProvider provider)
    {
        modelBuilder.Entity<FieldPermissionRow>(b =>
        {
            Table(b, provider, "field_permission");
            b.HasKey(x => new { x.Role, x.TypeName, x.FieldName });
            b.Property(x => x.Role).HasColumnName("role");
            b.Property(x => x.TypeName).HasColumnName("type_name");
            b.Property(x => x.FieldName).HasColumnName("field_name");
            b.Property(x => x.Access).HasColumnName("access");
            b.Property(x => x.Revealable).HasColumnName("revealable");
            b.Property(x => x.AggregateOnly).HasColumnName("aggregate_only");
            b.Property(x => x.Version).HasColumnName("version");
            b.Property(x => x.UpdatedAt).HasColumnName("updated_at").HasConversion(Utc);
            b.Property(x => x.UpdatedBy).HasColumnName("updated_by");
        });
        modelBuilder.Entity<UserAssignmentRow>(b =>
        {
            Table(b, provider, "user_assignment");
            b.HasKey(x => new { x.UserId, x.Role });
            b.Property(x => x.UserId).HasColumnName("user_id");
            b.Property(x => x.Role).HasColumnName("role");
            b.Property(x => x.RegionCode).HasColumnName("region_code");
            b.Property(x => x.Status).HasColumnName("status");
            b.Property(x => x.Version).HasColumnName("version");
            b.Property(x => x.UpdatedAt).HasColumnName("updated_at").HasConversion(Utc);
            b.Property(x => x.UpdatedBy).HasColumnName("updated_by");
        });
        modelBuilder.Entity<AuditRecordRow>(b =>
        {
            Table(b, provider, "audit_record");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasColumnName("id");
            b.Property(x => x.At).HasColumnName("at").HasConversion(Utc);
            b.Property(x => x.UserId).HasColumnName("user_id");
            b.Property(x => x.Role).HasColumnName("role");
            b.Property(x => x.Kind).HasColumnName("kind");
            b.Property(x => x.TypeName).HasColumnName("type_name");
            b.Property(x => x.FieldName).HasColumnName("field_name");
            b.Property(x => x.RecordId).HasColumnName("record_id");
            b.Property(x => x.Reason).HasColumnName("reason");
            b.Property(x => x.Operation).HasColumnName("operation");
            b.Property(x => x.DocumentHash).HasColumnName("document_hash");
            b.Property(x => x.RowCount).HasColumnName("row_count");
            b.Property(x => x.Detail).HasColumnName("detail");
        });
        modelBuilder.Entity<PersistedDocumentRow>(b =>
        {
            Table(b, provider, "persisted_document");
            b.HasKey(x => x.DocumentId);
            b.Property(x => x.DocumentId).HasColumnName("document_id").IsUnicode(false);
            b.Property(x => x.Name).HasColumnName("name");
            b.Property(x => x.Query).HasColumnName("query");
            b.Property(x => x.CreatedAt).HasColumnName("created_at").HasConversion(Utc);
            b.Property(x => x.CreatedBy).HasColumnName("created_by");
        });
        modelBuilder.Entity<ApiKeyRow>(b =>
        {
            Table(b, provider, "api_key");
            b.HasKey(x => x.KeyId);
            b.Property(x => x.KeyId).HasColumnName("key_id").IsUnicode(false);
            b.Property(x => x.SecretHash).HasColumnName("secret_hash").IsUnicode(false);
            b.Property(x => x.UserId).HasColumnName("user_id").IsUnicode(false);
            b.Property(x => x.Note).HasColumnName("note");
            b.Property(x => x.ExpiresAt).HasColumnName("expires_at").HasConversion(Utc);
            b.Property(x => x.CreatedAt).HasColumnName("created_at").HasConversion(Utc);
            b.Property(x => x.CreatedBy).HasColumnName("created_by");
            b.Property(x => x.RevokedAt).HasColumnName("revoked_at").HasConversion(UtcOrNull);
            b.Property(x => x.RevokedBy).HasColumnName("revoked_by");
            b.Property(x => x.LastUsedAt).HasColumnName("last_used_at").HasConversion(UtcOrNull);
        });
        modelBuilder.Entity<MatrixVersionRow>(b =>
        {
            Table(b, provider, "matrix_version");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            b.Property(x => x.Version).HasColumnName("version");
        });
    }

    /// <summary>Times are stored as UTC; SQLite returns them without a kind, so they are marked UTC on read.</summary>
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime> Utc =
        new(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime?, DateTime?> UtcOrNull =
        new(v => v.HasValue ? v.Value.ToUniversalTime() : null, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : null);

    private static void Table<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b,
        DatabaseProvider provider, string table) where T : class
    {
        var (name, schema) = DbNames.SecurityTable(provider, table);
        b.ToTable(name, schema);
    }
}
