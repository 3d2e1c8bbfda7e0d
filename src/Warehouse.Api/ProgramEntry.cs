// WebApplicationFactory<Program> in the tests needs a public Program type; top-level statements make an
// internal one, so this declaration opens it up. Nothing else belongs here.
#pragma warning disable CA1050 // Program lives in the global namespace by convention of top-level statements.
public partial class Program
{
}
#pragma warning restore CA1050
