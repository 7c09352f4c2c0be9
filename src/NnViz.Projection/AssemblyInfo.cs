namespace NnViz.Projection;
