namespace Warehouse.Security;

/// <summary>The authentication scheme names: registered by the host, asked for by handlers and the pipeline.</summary>
public static class AuthenticationSchemes
{
    /// <summary>Tokens of the local issuer (development, tests, the load tool).</summary>
    public const string Local = "Local";

    /// <summary>Microsoft Entra ID tokens (production sign-in).</summary>
    public const string Entra = "Entra";

    /// <summary>API keys of BI feeds.</summary>
    public const string ApiKey = "ApiKey";
}
