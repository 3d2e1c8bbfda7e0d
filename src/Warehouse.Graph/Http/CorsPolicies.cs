namespace Warehouse.Http;

/// <summary>The CORS policy names the endpoints ask for; the host defines what each allows (CorsSetup).</summary>
public static class CorsPolicies
{
    /// <summary>Dashboards served from their own origin: /graphql and /export/* only.</summary>
    public const string Clients = "warehouse-clients";
}
