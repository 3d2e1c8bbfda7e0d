using Warehouse.Api.Graph;
using Warehouse.Api.Health;
using Warehouse.Api.Hosting;
using Warehouse.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddWarehouseData();
builder.AddWarehouseAuthentication();
builder.AddWarehouseGraph();

var app = builder.Build();
app.InitializeDatabase();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapGraphQL();
app.Run();
