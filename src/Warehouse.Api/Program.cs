using Warehouse.Api.Health;
using Warehouse.Api.Hosting;
using Warehouse.Api.Ide;
using Warehouse.Api.Imports;
using Warehouse.Explain;
using Warehouse.Exports;
using Warehouse.Graph;

Warehouse.Data.SqliteThreading.Configure(); // before any SQLite connection opens in this process
var builder = WebApplication.CreateBuilder(HostArguments.For(args));
builder.UseDefaultUrl("http://localhost:5080");
builder.AddWarehouseData();
builder.AddWarehouseAuthentication();
builder.AddWarehouseGraph();
builder.AddWarehouseObservability();
builder.AddWarehouseCors();

var app = builder.Build();
app.UseTransportErrors(); // first: malformed HTTP is a coded 4xx, never the exception page
app.InitializeDatabase();
app.UseRouting(); // explicit, where WebApplication put it implicitly, so UseCors can follow it
app.UseWarehouseUi();
app.UseCors(); // before authentication: a preflight carries no token
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapMetrics();
app.MapGraphQL();
app.MapExports();
app.MapExplain();
app.MapImports();
app.MapWarehouseUi();
app.Run();
