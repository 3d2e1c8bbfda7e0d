using System.Data.Common;
using Warehouse.Catalogue;
using Warehouse.Data;
using Warehouse.Verification;

namespace Warehouse.Cli;

/// <summary>
/// <c>verify</c>: checks a database's API views against the catalogue's contract (docs/own-warehouse.md). Exit
/// codes: 0 the API can serve it (warnings allowed), 1 an error rule failed, 2 bad arguments or the database cannot
/// be opened. It only reads.
/// </summary>
internal static class VerifyVerb
{
    public const int Servable = 0;
    public const int NotServable = 1;
    public const int Unusable = 2;

    public static int Run(Func<DatabaseOptions> database, CliArguments args, TextWriter output, TextWriter error)
    {
        if (args.Has("contract"))
        {
            // The contract alone, from the catalogue: no database needed.
            output.Write(ContractTable.Markdown(WarehouseCatalogue.Default));
            return Servable;
        }
        DatabaseOptions options;
        int sample;
        try
        {
            options = database();
            sample = args.Int("sample", 5);
        }
        catch (Exception e) when (e is CliException or InvalidOperationException or ArgumentException)
        {
            // An unknown --provider fails configuration binding with InvalidOperationException.
            error.WriteLine($"error: {e.Message}");
            return Unusable;
        }
        if (sample is < 1 or > 1000)
        {
            error.WriteLine("error: --sample must be within 1..1000.");
            return Unusable;
        }
        DbConnection connection;
        try
        {
            connection = VerifyConnection.Open(options);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ArgumentException or TimeoutException or System.Net.Sockets.SocketException)
        {
            error.WriteLine($"error: cannot open the {options.Provider} database {VerifyConnection.Describe(options)}: {e.Message}");
            return Unusable;
        }
        using (connection)
        {
            VerificationReport report;
            try
            {
                var verifier = new Verifier(WarehouseCatalogue.Default, new VerifyOptions { Sample = sample, Today = DateOnly.FromDateTime(DateTime.UtcNow) });
                report = verifier.Run(connection, options.Provider, VerifyConnection.Describe(options));
            }
            catch (DbException e)
            {
                // Reading the catalogue of views failed: nothing could be checked.
                error.WriteLine($"error: cannot read the views of {VerifyConnection.Describe(options)}: {e.Message}");
                return Unusable;
            }
            output.Write(args.Has("json") ? ReportJson.Format(report) + "\n" : ReportText.Format(report));
            return report.Servable ? Servable : NotServable;
        }
    }
}
