using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Warehouse.Catalogue;
using Warehouse.Security;

namespace Warehouse.Data;

/// <summary>
/// EF Core over the API views (read-only, keyless of change tracking) and the security tables (read-write).
/// The view mappings are derived from the catalogue, so adding an entity adds no code here.
/// </summary>
public sealed class WarehouseDbContext(DbContextOptions<WarehouseDbContext> options) : DbContext(options)
{
    public DatabaseProvider Provider =>
        Database.IsSqlServer() ? DatabaseProvider.SqlServer
        : Database.IsNpgsql() ? DatabaseProvider.PostgreSql
        : DatabaseProvider.Sqlite;

    public DbSet<FieldPermissionRow> FieldPermissions => Set<FieldPermissionRow>();
    public DbSet<UserAssignmentRow> UserAssignments => Set<UserAssignmentRow>();
    public DbSet<AuditRecordRow> AuditRecords => Set<AuditRecordRow>();
    public DbSet<MatrixVersionRow> MatrixVersion => Set<MatrixVersionRow>();
    public DbSet<PersistedDocumentRow> PersistedDocuments => Set<PersistedDocumentRow>();
    public DbSet<ApiKeyRow> ApiKeys => Set<ApiKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var provider = Provider;
        foreach (var entity in WarehouseCatalogue.Default.Entities)
        {
            var builder = modelBuilder.Entity(entity.ClrType);
            var (name, schema) = DbNames.View(provider, entity.View);
            builder.ToView(name, schema);
            builder.HasKey(entity.Key.Property.Name);
            foreach (var field in entity.Fields)
            {
                var property = builder.Property(field.Property.Name).HasColumnName(field.Column);
                if (provider == DatabaseProvider.SqlServer && field.Property.PropertyType == typeof(string) && !field.IsUnicodeText)
                {
                    // varchar columns: parameters must be varchar too, or SQL Server converts the column and cannot seek its index.
                    property.IsUnicode(false);
                }
                if (field.Kind == FieldKind.Timestamp)
                {
                    // UTC to the millisecond in both dialects; values read back are of kind UTC, so every writer
                    // (GraphQL, CSV, JSONL, Parquet) shows the same instant with a Z. See Timestamps.
                    if (provider == DatabaseProvider.SqlServer)
                    {
                        property.HasColumnType("datetime2(3)").HasConversion(new ValueConverter<DateTime,
                            DateTime>(v => Timestamps.AsUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc)));
                    }
                    else if (provider == DatabaseProvider.PostgreSql)
                    {
                        // timestamptz: Npgsql writes only UTC kinds to it, so every parameter is made UTC first.
                        property.HasColumnType("timestamptz(3)").HasConversion(new ValueConverter<DateTime,
                            DateTime>(v => Timestamps.AsUtc(v), v => Timestamps.AsUtc(v)));
                    }
                    else
                    {
                        property.HasConversion(new ValueConverter<DateTime, string>(v => Timestamps.ToSqliteText(v), v => Timestamps.FromSqliteText(v)));
                    }
                }
            }
            // Columns the rules read but no reader ever sees: the subject's birth date (minors rule) and the record key.
            if (entity.Minors?.Column is { } subject)
            {
                builder.Property(entity.Minors.BirthDate.Name).HasColumnName(subject);
            }
            if (entity.RecordKey is { } recordKey)
            {
                builder.Property(recordKey.Name).HasColumnName(DbNames.RecordKeyColumn);
            }
        }
        SecurityModel.Configure(modelBuilder, provider);
    }
}
