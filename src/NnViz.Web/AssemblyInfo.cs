namespace NnViz.Web;
